package dev.coachkit.adapter.openai.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSettings;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.realtime.TurnDetection;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code coach.openai.realtime.*} group, read by SmallRye Config as Quarkus does, resolved into settings. */
class OpenAiRealtimeConfigTest {

  private static OpenAiConfig config(Map<String, String> properties) {
    SmallRyeConfig config = new SmallRyeConfigBuilder()
        .withMapping(OpenAiConfig.class)
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build();
    return config.getConfigMapping(OpenAiConfig.class);
  }

  @Test
  void givenApiKeyOnly_from_isGaAtOpenAiWithTheDocumentedDefaults() {
    RealtimeSettings settings = RealtimeSettings.from(config(Map.of("coach.openai.api-key", "sk-test")));
    OpenAiRealtimeModel model = new OpenAiRealtimeModel(settings);

    assertThat(settings.configured()).isTrue();
    assertThat(settings.protocol()).isEqualTo(RealtimeProtocol.GA);
    assertThat(settings.endpoints().orElseThrow().session("gpt-realtime", RealtimeProtocol.GA))
        .isEqualTo(URI.create("wss://api.openai.com/v1/realtime?model=gpt-realtime"));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.closeTimeout()).isEqualTo(Duration.ofSeconds(1));
    RealtimeSessionConfig defaults = model.sessionDefaults("Coach.", List.of(), Locale.ENGLISH);
    assertThat(defaults.model()).isEqualTo("gpt-realtime");
    assertThat(defaults.voice()).isEqualTo("alloy");
    assertThat(defaults.inputTranscriptionModel()).contains("whisper-1");
    assertThat(defaults.turnDetection()).isEqualTo(new TurnDetection.ServerVad(0.5, 300, 500));
    assertThat(model.describe()).contains("ga protocol").doesNotContain("sk-test");
  }

  @Test
  void givenRealtimeOverrides_from_betaSemanticVadNoTranscriptionAndWsOverride() {
    RealtimeSettings settings = RealtimeSettings.from(config(Map.ofEntries(
        Map.entry("coach.openai.api-key", "sk-test"),
        Map.entry("coach.openai.realtime.protocol", "beta"),
        Map.entry("coach.openai.realtime.model", "gpt-4o-realtime-preview"),
        Map.entry("coach.openai.realtime.voice", "verse"),
        Map.entry("coach.openai.realtime.input-transcription-model", "none"),
        Map.entry("coach.openai.realtime.turn-detection.mode", "semantic-vad"),
        Map.entry("coach.openai.realtime.turn-detection.eagerness", "high"),
        Map.entry("coach.openai.realtime.ws-base-url", "ws://localhost:9999/v1"),
        Map.entry("coach.openai.realtime.setup-timeout", "3s"))));

    assertThat(settings.protocol()).isEqualTo(RealtimeProtocol.BETA);
    assertThat(settings.setupTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(settings.endpoints().orElseThrow().session("gpt-4o-realtime-preview", RealtimeProtocol.BETA))
        .isEqualTo(URI.create("ws://localhost:9999/v1/realtime?model=gpt-4o-realtime-preview"));
    assertThat(settings.endpoints().orElseThrow().clientSecrets())
        .isEqualTo(URI.create("https://api.openai.com/v1/realtime/client_secrets"));
    assertThat(settings.defaults()).isEqualTo(new RealtimeSettings.SessionDefaults("gpt-4o-realtime-preview", "verse",
        Optional.empty(), new TurnDetection.SemanticVad(TurnDetection.Eagerness.HIGH)));
  }

  @Test
  void givenServerVadValuesAndManual_from_areApplied() {
    RealtimeSettings vad = RealtimeSettings.from(config(Map.of("coach.openai.api-key", "k",
        "coach.openai.realtime.turn-detection.threshold", "0.7",
        "coach.openai.realtime.turn-detection.prefix-padding-ms", "200",
        "coach.openai.realtime.turn-detection.silence-duration-ms", "800")));
    RealtimeSettings manual = RealtimeSettings.from(config(Map.of("coach.openai.api-key", "k",
        "coach.openai.realtime.turn-detection.mode", "manual")));

    assertThat(vad.defaults().turnDetection()).isEqualTo(new TurnDetection.ServerVad(0.7, 200, 800));
    assertThat(manual.defaults().turnDetection()).isEqualTo(new TurnDetection.Manual());
  }

  @Test
  void givenAzurePrimary_from_usesEndpointKeyAndRealtimeDeployment() {
    RealtimeSettings settings = RealtimeSettings.from(config(Map.of(
        "coach.openai.provider", "azure",
        "coach.openai.endpoint", "https://coach.openai.azure.com/",
        "coach.openai.deployment", "gpt-4o-chat",
        "coach.openai.api-key", "azure-key",
        "coach.openai.realtime.deployment", "gpt-realtime-prod")));

    assertThat(settings.endpoints().orElseThrow().session("ignored", RealtimeProtocol.GA))
        .isEqualTo(URI.create("wss://coach.openai.azure.com/openai/v1/realtime?model=gpt-realtime-prod"));
    assertThat(settings.endpoints().orElseThrow().session("ignored", RealtimeProtocol.BETA)).isEqualTo(URI.create(
        "wss://coach.openai.azure.com/openai/realtime?api-version=2024-10-01-preview&deployment=gpt-realtime-prod"));
    assertThat(settings.endpoints().orElseThrow().headers(RealtimeProtocol.GA)).containsEntry("api-key", "azure-key");
  }

  @Test
  void givenNoApiKey_openAttachAndIssue_failNotConfiguredNamingTheKey() {
    RealtimeSettings settings = RealtimeSettings.from(config(Map.of()));
    OpenAiRealtimeModel model = new OpenAiRealtimeModel(settings);
    OpenAiRealtimeTokenIssuer issuer = new OpenAiRealtimeTokenIssuer(settings);
    RealtimeSessionConfig config = model.sessionDefaults("Coach.", List.of(), Locale.ENGLISH);

    assertThat(model.isConfigured()).isFalse();
    assertThat(issuer.isConfigured()).isFalse();
    assertThat(model.describe()).contains("NOT CONFIGURED").contains("coach.openai.api-key");
    assertThatThrownBy(() -> model.open(config, e -> { }).toCompletableFuture().join())
        .cause().isInstanceOf(ModelFailure.class).hasMessageContaining("coach.openai.api-key")
        .satisfies(e -> assertThat(((ModelFailure) e).kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED));
    assertThatThrownBy(() -> model.attach("rtc_1", config, e -> { }).toCompletableFuture().join())
        .cause().isInstanceOf(ModelFailure.class)
        .satisfies(e -> assertThat(((ModelFailure) e).kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED));
    assertThatThrownBy(() -> issuer.issue(config, Duration.ofMinutes(1))).isInstanceOf(ModelFailure.class)
        .satisfies(e -> assertThat(((ModelFailure) e).kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED));
  }

  @Test
  void givenCompatibleProvider_from_isNotConfiguredForRealtime() {
    RealtimeSettings settings = RealtimeSettings.from(config(Map.of("coach.openai.provider", "compatible",
        "coach.openai.base-url", "http://localhost:11434/v1", "coach.openai.model", "llama3.1")));

    assertThat(settings.configured()).isFalse();
    assertThat(settings.notes()).singleElement().asString().contains("compatible");
  }
}
