package dev.coachkit.server.voice;

import static dev.coachkit.server.voice.VoiceCallFixtures.caller;
import static dev.coachkit.server.voice.VoiceCallFixtures.upstreamOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.coachkit.adapter.openai.simulator.realtime.Pcm16;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.ports.model.common.UsageEntryId;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.server.voice.VoiceCallFixtures.Caller;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The daily budget on the voice REST API, and the relay's meters in the Prometheus scrape. */
@QuarkusTest
@WithTestResource(RealtimeSimulatorResource.class)
class VoiceLimitsAndMetricsTest {
  static final Duration WAIT = Duration.ofSeconds(10);

  @Inject
  UpsertCoachProfileUseCase profiles;

  @Inject
  UsageLedger ledger;

  @Inject
  Clock clock;

  @Test
  void givenUserOverTheDailyBudget_startVoiceSession_answers429WithRetryAfter() {
    Caller hal = caller(profiles, "Hal");
    // The default budget is 1.00 USD a day: one earlier call of today cost exactly that.
    ledger.record(new UsageEntry(UsageEntryId.of(UUID.randomUUID()), hal.userId(), Optional.empty(),
        Optional.empty(), "gpt-realtime", TokenUsage.ZERO, 0, 0, 1_000_000, clock.instant()));

    Response refused = given().auth().oauth2(hal.token()).contentType(ContentType.JSON).body("{}")
        .when().post("/api/coach/voice/sessions")
        .then().statusCode(429).contentType("application/problem+json")
        .body("reason", equalTo("BUDGET_EXCEEDED")).body("status", equalTo(429))
        .extract().response();
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).as("seconds until the budget renews at midnight").isBetween(1L, 86_400L);
    assertThat(refused.jsonPath().getLong("retryAfterSeconds")).isEqualTo(retryAfter);

    Caller ivy = caller(profiles, "Ivy");
    given().auth().oauth2(ivy.token()).contentType(ContentType.JSON).body("{}")
        .when().post("/api/coach/voice/sessions")
        .then().statusCode(201);
  }

  @Test
  void givenRelayedCall_metricsScrape_showsTheRelayMeters() {
    // The relay registers its meters at startup (replacing any an earlier application left in this JVM's global
    // registry), so these readings are this application's own.
    double connectedBefore = scrapeOrZero("coach_voice_sessions_connected_total", "");
    double audioOutBefore = scrape("coach_voice_audio_minutes_total", "direction=\"out\"");
    double audioInBefore = scrape("coach_voice_audio_minutes_total", "direction=\"in\"");
    double framesInBefore = scrapeOrZero("coach_voice_relay_frame_latency_seconds_count",
        "direction=\"client_to_model\"");

    Caller jo = caller(profiles, "Joy");
    try (VoiceTestClient client = VoiceTestClient.connectWithTicket(RestAssured.port, jo.token(), "new")) {
      client.await("session_ready", WAIT);
      upstreamOf(jo, 1, WAIT).awaitSent("response.done", WAIT);
      client.awaitAudio(1, WAIT); // the greeting
      client.stream(Pcm16.silence(400), 0); // 20 frames of 20 ms
      client.sendJson("{\"type\":\"ping\",\"id\":1}");
      client.await("pong", WAIT); // messages are handled in order: every frame went through before the pong
      assertThat(scrape("coach_voice_sessions_active", "")).isGreaterThanOrEqualTo(1);
      client.sendJson("{\"type\":\"end\"}");
      client.await("session_ended", WAIT);
    }

    assertThat(scrape("coach_voice_sessions_connected_total", "")).isEqualTo(connectedBefore + 1);
    assertThat(scrape("coach_voice_audio_minutes_total", "direction=\"out\"")).isGreaterThan(audioOutBefore);
    assertThat(scrape("coach_voice_audio_minutes_total", "direction=\"in\""))
        .isCloseTo(audioInBefore + 0.4 / 60, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(scrape("coach_voice_relay_frame_latency_seconds_count", "direction=\"client_to_model\""))
        .isEqualTo(framesInBefore + 20);
    String metrics = metrics();
    assertThat(metrics).contains("coach_voice_relay_frame_latency_seconds{direction=\"model_to_client\",quantile=\"0.99\"")
        .contains("coach_voice_response_latency_seconds").contains("coach_voice_continuations_total")
        .contains("coach_voice_upstream_reconnects_total{attempt=\"first\",cause=\"upstream_dropped\"")
        .contains("coach_voice_upstream_sessions_total{kind=\"open\"");
  }

  private static String metrics() {
    return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
  }

  /** The value of one sample of the scrape ({@code labels}: one label pair that must be among its labels). */
  private static double scrape(String name, String labels) {
    return sample(name, labels).orElseThrow(
        () -> new AssertionError("no sample " + name + "{" + labels + "} in /q/metrics"));
  }

  private static double scrapeOrZero(String name, String labels) {
    return sample(name, labels).orElse(0.0);
  }

  private static Optional<Double> sample(String name, String labels) {
    Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$",
        Pattern.MULTILINE);
    Matcher m = sample.matcher(metrics());
    while (m.find()) {
      String found = m.group(1) == null ? "" : m.group(1);
      if (found.contains(labels)) {
        return Optional.of(Double.parseDouble(m.group(2)));
      }
    }
    return Optional.empty();
  }
}
