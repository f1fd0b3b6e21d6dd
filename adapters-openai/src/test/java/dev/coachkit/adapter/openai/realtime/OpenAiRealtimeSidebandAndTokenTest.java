package dev.coachkit.adapter.openai.realtime;

import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.gaConfig;
import static dev.coachkit.adapter.openai.realtime.TestRealtimeFactory.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeEndpoints;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSettings;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import dev.coachkit.adapter.openai.simulator.realtime.ScriptedTurn;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.realtime.EphemeralToken;
import dev.coachkit.ports.model.realtime.RealtimeEvent.AssistantTranscriptFinal;
import dev.coachkit.ports.model.realtime.RealtimeEvent.ResponseDone;
import dev.coachkit.ports.model.realtime.RealtimeEvent.ToolCallRequested;
import dev.coachkit.ports.model.realtime.RealtimeEvent.UserTranscriptFinal;
import dev.coachkit.ports.model.realtime.ResponseStatus;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ephemeral tokens, sideband attach to a WebRTC call, and the Azure URL forms, against the Realtime simulator. */
@Timeout(60)
class OpenAiRealtimeSidebandAndTokenTest {

  static final Duration T = Duration.ofSeconds(10);

  RealtimeSimulator sim;
  final List<RealtimeConnection> connections = new ArrayList<>();
  final List<RecordingRealtimeListener> listeners = new ArrayList<>();

  @BeforeEach
  void start() {
    sim = RealtimeSimulator.start();
  }

  @AfterEach
  void stop() {
    try {
      connections.forEach(RealtimeConnection::close);
      for (SimulatedSession s : sim.sessions()) {
        assertThat(s.rejectedClientEvents()).isEmpty();
      }
      sim.assertNoServerViolations();
      for (RecordingRealtimeListener l : listeners) {
        assertThat(l.contractBreaches()).isEmpty();
      }
    } finally {
      sim.close();
    }
  }

  RecordingRealtimeListener listener() {
    RecordingRealtimeListener l = new RecordingRealtimeListener();
    listeners.add(l);
    return l;
  }

  RealtimeConnection await(java.util.concurrent.CompletionStage<RealtimeConnection> stage) {
    RealtimeConnection c = stage.toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    connections.add(c);
    return c;
  }

  // ------------------------------------------------------------------ ephemeral tokens

  @Test
  void givenSessionConfig_issue_postsGaClientSecretRequestAndReturnsSecretExpiryAndCallUrl() {
    OpenAiRealtimeTokenIssuer issuer = new OpenAiRealtimeTokenIssuer(settings(sim, RealtimeProtocol.GA));

    EphemeralToken token = issuer.issue(gaConfig(), Duration.ofSeconds(120));

    assertThat(token.value()).startsWith("ek_").isNotEqualTo(sim.apiKey());
    assertThat(token.expiresAt().getEpochSecond()).isCloseTo(Instant.now().getEpochSecond() + 120, within(5L));
    assertThat(token.callUrl()).isEqualTo(URI.create(sim.httpBaseUrl() + "/v1/realtime/calls"));
    assertThat(token.toString()).doesNotContain(token.value());
    // the simulator validated the request strictly (it answers 400 otherwise); check what was asked for
    JsonNode request = sim.clientSecretRequests().get(0);
    assertThat(request.at("/expires_after/anchor").asText()).isEqualTo("created_at");
    assertThat(request.at("/expires_after/seconds").asInt()).isEqualTo(120);
    assertThat(request.at("/session/type").asText()).isEqualTo("realtime");
    assertThat(request.at("/session/model").asText()).isEqualTo("gpt-realtime");
    assertThat(request.at("/session/instructions").asText()).isEqualTo("You are Coach Kit. Greet Ana by name.");
    assertThat(request.at("/session/audio/output/voice").asText()).isEqualTo("marin");
    assertThat(request.at("/session/tools/0/name").asText()).isEqualTo("log_workout");
    assertThat(request.toString()).doesNotContain(sim.apiKey());
  }

  @Test
  void givenWrongKeyOrBadTtl_issue_failsWithAuthenticationOrIsRejectedLocally() {
    OpenAiRealtimeTokenIssuer wrongKey = new OpenAiRealtimeTokenIssuer(RealtimeSettings.of(
        RealtimeEndpoints.openAi(sim.httpBaseUrl() + "/v1", Optional.empty(), "sk-wrong"), RealtimeProtocol.GA));
    OpenAiRealtimeTokenIssuer issuer = new OpenAiRealtimeTokenIssuer(settings(sim, RealtimeProtocol.GA));

    assertThatThrownBy(() -> wrongKey.issue(gaConfig(), Duration.ofMinutes(1))).isInstanceOf(ModelFailure.class)
        .satisfies(e -> assertThat(((ModelFailure) e).kind()).isEqualTo(ModelFailure.Kind.AUTHENTICATION))
        .hasMessageNotContaining("sk-wrong");
    assertThatThrownBy(() -> issuer.issue(gaConfig(), Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    assertThatThrownBy(() -> issuer.issue(gaConfig(), Duration.ofHours(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
    assertThat(sim.clientSecretRequests()).isEmpty(); // the 401 is answered before recording; bad ttls never left
  }

  // ------------------------------------------------------------------ sideband

  @Test
  void givenBrowserCallWithEphemeralToken_attach_sidebandRunsToolsAndSeesTranscripts() throws Exception {
    EphemeralToken token = new OpenAiRealtimeTokenIssuer(settings(sim, RealtimeProtocol.GA))
        .issue(gaConfig(), Duration.ofMinutes(5));
    // the browser posts its SDP offer with the ephemeral key to the token's call URL
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(token.callUrl())
            .header("Authorization", "Bearer " + token.value()).header("Content-Type", "application/sdp")
            .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String callId = location.substring(location.lastIndexOf('/') + 1);
    SimulatedSession call = sim.call(callId).orElseThrow();
    call.enqueue(ScriptedTurn.reply("Log my run.", "Logging it.", 300).thenCall("log_workout", "{\"km\":5}"),
        ScriptedTurn.reply("", "Done, 5 km logged.", 300));
    RecordingRealtimeListener l = listener();
    // configured BETA: sideband is GA only and must still speak GA
    RealtimeConnection sideband = await(new OpenAiRealtimeModel(settings(sim, RealtimeProtocol.BETA))
        .attach(callId, gaConfig(), l));

    call.userSpeaks(900);
    assertThat(l.await(UserTranscriptFinal.class, T).transcript()).isEqualTo("Log my run.");
    ToolCallRequested tool = l.await(ToolCallRequested.class, T);
    l.await(ResponseDone.class, T);
    sideband.sendToolOutput(tool.callId(), Json.parse("{\"logged\":true}"));
    sideband.createResponse();

    assertThat(tool.arguments()).isEqualTo(Json.parse("{\"km\":5}"));
    assertThat(l.awaitCount(ResponseDone.class, 2, T)).extracting(ResponseDone::status)
        .containsOnly(ResponseStatus.COMPLETED);
    assertThat(l.await(AssistantTranscriptFinal.class, a -> a.transcript().startsWith("Done"), T).transcript())
        .isEqualTo("Done, 5 km logged.");
    assertThat(call.clientEvents("session.update").get(0).at("/session/type").asText()).isEqualTo("realtime");
    assertThat(call.clientEvents("conversation.item.create").get(0).at("/item/call_id").asText())
        .isEqualTo(tool.callId());
    assertThat(call.session().at("/audio/output/voice").asText()).isEqualTo("marin");
  }

  @Test
  void givenUnknownCall_attach_failsAsRejectedRequest() {
    OpenAiRealtimeModel model = new OpenAiRealtimeModel(settings(sim, RealtimeProtocol.GA));

    assertThatThrownBy(() -> model.attach("rtc_u1_unknown", gaConfig(), listener()).toCompletableFuture()
        .get(10, TimeUnit.SECONDS)).cause().isInstanceOf(ModelFailure.class)
        .satisfies(e -> assertThat(((ModelFailure) e).kind()).isEqualTo(ModelFailure.Kind.REJECTED_REQUEST))
        .hasMessageContaining("404");
  }

  // ------------------------------------------------------------------ Azure

  @Test
  void givenAzureGaAndBeta_open_deploymentInTheUrlAndApiKeyHeader() {
    RealtimeEndpoints azure = RealtimeEndpoints.azure(sim.httpBaseUrl(), Optional.empty(), sim.apiKey(),
        Optional.of("coach-realtime"), "2024-10-01-preview");

    await(new OpenAiRealtimeModel(RealtimeSettings.of(azure, RealtimeProtocol.GA)).open(gaConfig(), listener()));
    SimulatedSession ga = sim.awaitSession(T);
    await(new OpenAiRealtimeModel(RealtimeSettings.of(azure, RealtimeProtocol.BETA))
        .open(TestRealtimeFactory.betaConfig(TestRealtimeFactory.serverVad()), listener()));
    SimulatedSession beta = sim.awaitSession(T);

    assertThat(ga.protocol().name()).isEqualTo("GA");
    assertThat(ga.model()).isEqualTo("coach-realtime");
    assertThat(ga.handshakeHeaders()).containsEntry("api-key", sim.apiKey()).doesNotContainKey("authorization");
    assertThat(beta.protocol().name()).isEqualTo("BETA");
    assertThat(beta.model()).isEqualTo("coach-realtime");
    assertThat(beta.handshakeHeaders()).containsEntry("api-key", sim.apiKey());
    assertThat(ga.clientEvents("session.update")).hasSize(1);
    assertThat(beta.clientEvents("session.update").get(0).at("/session/voice").asText()).isEqualTo("alloy");
  }

  @Test
  void givenAzure_issue_postsToTheAzureClientSecretsPathWithApiKey() {
    RealtimeEndpoints azure = RealtimeEndpoints.azure(sim.httpBaseUrl(), Optional.empty(), sim.apiKey(),
        Optional.of("coach-realtime"), "2024-10-01-preview");

    EphemeralToken token = new OpenAiRealtimeTokenIssuer(RealtimeSettings.of(azure, RealtimeProtocol.GA))
        .issue(gaConfig(), Duration.ofSeconds(60));

    assertThat(token.value()).startsWith("ek_");
    assertThat(token.callUrl()).isEqualTo(URI.create(sim.httpBaseUrl() + "/openai/v1/realtime/calls"));
    assertThat(sim.clientSecretRequests().get(0).at("/session/model").asText()).isEqualTo("coach-realtime");
  }

  @Test
  void givenProductionHosts_endpoints_areTheDocumentedUrls() {
    RealtimeEndpoints openAi = RealtimeEndpoints.openAi("https://api.openai.com/v1/", Optional.empty(), "sk-x");
    RealtimeEndpoints azure = RealtimeEndpoints.azure("https://coach.openai.azure.com", Optional.empty(), "k",
        Optional.empty(), "2024-10-01-preview");

    assertThat(openAi.session("gpt-realtime", RealtimeProtocol.GA))
        .isEqualTo(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime"));
    assertThat(openAi.sideband("rtc_u1_abc")).isEqualTo(URI.create("wss://api.openai.com/v1/realtime?call_id=rtc_u1_abc"));
    assertThat(openAi.clientSecrets()).isEqualTo(URI.create("https://api.openai.com/v1/realtime/client_secrets"));
    assertThat(openAi.calls()).isEqualTo(URI.create("https://api.openai.com/v1/realtime/calls"));
    assertThat(openAi.headers(RealtimeProtocol.BETA)).containsEntry("Authorization", "Bearer sk-x")
        .containsEntry("OpenAI-Beta", "realtime=v1");
    assertThat(openAi.headers(RealtimeProtocol.GA)).doesNotContainKey("OpenAI-Beta");
    assertThat(azure.session("gpt-4o-rt", RealtimeProtocol.BETA)).isEqualTo(URI.create(
        "wss://coach.openai.azure.com/openai/realtime?api-version=2024-10-01-preview&deployment=gpt-4o-rt"));
    assertThat(azure.session("gpt-rt", RealtimeProtocol.GA))
        .isEqualTo(URI.create("wss://coach.openai.azure.com/openai/v1/realtime?model=gpt-rt"));
    assertThat(azure.sideband("rtc_1")).isEqualTo(URI.create("wss://coach.openai.azure.com/openai/v1/realtime?call_id=rtc_1"));
    assertThat(azure.headers(RealtimeProtocol.GA)).containsOnlyKeys("api-key");
    assertThat(openAi.toString() + azure + openAi.describe()).doesNotContain("sk-x");
  }
}
