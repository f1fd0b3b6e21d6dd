package dev.coachkit.adapter.openai.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.adapter.openai.OpenAiConfig.ProviderKind;
import dev.coachkit.adapter.openai.chat.internal.ChatSettings;
import dev.coachkit.adapter.openai.chat.internal.ProviderSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code coach.openai.*} mapping, read by SmallRye Config as Quarkus does, resolved into settings. */
class OpenAiConfigTest {

  private static OpenAiConfig config(Map<String, String> properties) {
    SmallRyeConfig config = new SmallRyeConfigBuilder()
        .withMapping(OpenAiConfig.class)
        // Quarkus' own converter, so durations read as in the server ("10s", "500ms")
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .build();
    return config.getConfigMapping(OpenAiConfig.class);
  }

  @Test
  void givenNothingSet_from_isNotConfiguredAndSaysWhichKeyIsMissing() {
    ChatSettings settings = ChatSettings.from(config(Map.of()));

    assertThat(settings.configured()).isFalse();
    assertThat(settings.notes()).containsExactly(
        "coach.openai (openai) is not configured: missing coach.openai.api-key");
    try (OpenAiCoachModel model = new OpenAiCoachModel(config(Map.of()))) {
      assertThat(model.isConfigured()).isFalse();
      assertThat(model.describe()).contains("NOT CONFIGURED").contains("coach.openai.api-key");
    }
  }

  @Test
  void givenApiKeyOnly_from_isOpenAiWithDefaults() {
    ChatSettings settings = ChatSettings.from(config(Map.of("coach.openai.api-key", "sk-test")));

    assertThat(settings.providers()).containsExactly(new ProviderSettings("openai", ProviderKind.OPENAI,
        "https://api.openai.com/v1", Optional.of("sk-test"), "gpt-4o-mini", Optional.empty(), Duration.ofSeconds(10),
        Duration.ofSeconds(60), 64));
    assertThat(settings.retry().maxAttempts()).isEqualTo(3);
    assertThat(settings.retry().maxRetryAfter()).isEqualTo(Duration.ofSeconds(20));
    assertThat(settings.strictTools()).isTrue();
  }

  @Test
  void givenAzurePrimaryAndFallbacks_from_resolvesTheChainInOrder() {
    ChatSettings settings = ChatSettings.from(config(Map.ofEntries(
        Map.entry("coach.openai.provider", "azure"),
        Map.entry("coach.openai.endpoint", "https://coach.openai.azure.com/"),
        Map.entry("coach.openai.deployment", "gpt-4o-prod"),
        Map.entry("coach.openai.api-key", "azure-key"),
        Map.entry("coach.openai.read-timeout", "30s"),
        Map.entry("coach.openai.fallback[0].provider", "openai"),
        Map.entry("coach.openai.fallback[0].api-key", "sk-backup"),
        Map.entry("coach.openai.fallback[0].model", "gpt-4.1-mini"),
        Map.entry("coach.openai.fallback[1].provider", "compatible"),
        Map.entry("coach.openai.fallback[1].name", "local-ollama"),
        Map.entry("coach.openai.fallback[1].base-url", "http://localhost:11434/v1"),
        Map.entry("coach.openai.fallback[1].model", "llama3.1"),
        Map.entry("coach.openai.retry.max-attempts", "2"),
        Map.entry("coach.openai.strict-tools", "false"))));

    assertThat(settings.providers()).extracting(ProviderSettings::name)
        .containsExactly("azure", "openai", "local-ollama");
    ProviderSettings azure = settings.providers().get(0);
    assertThat(azure.baseUrl()).isEqualTo("https://coach.openai.azure.com/openai/deployments/gpt-4o-prod");
    assertThat(azure.apiVersion()).contains("2024-10-21");
    assertThat(azure.model()).isEqualTo("gpt-4o-prod");
    assertThat(azure.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.providers().get(1).model()).isEqualTo("gpt-4.1-mini");
    assertThat(settings.providers().get(2).apiKey()).isEmpty();
    assertThat(settings.providers().get(2).kind()).isEqualTo(ProviderKind.COMPATIBLE);
    assertThat(settings.retry().maxAttempts()).isEqualTo(2);
    assertThat(settings.strictTools()).isFalse();
    assertThat(settings.notes()).isEmpty();
  }

  @Test
  void givenMaxConnectionsPerProvider_from_sizesEachProvidersPool() {
    ChatSettings settings = ChatSettings.from(config(Map.of(
        "coach.openai.api-key", "sk-1",
        "coach.openai.max-connections", "200",
        "coach.openai.fallback[0].provider", "compatible",
        "coach.openai.fallback[0].base-url", "http://localhost:11434/v1",
        "coach.openai.fallback[0].model", "llama3.1",
        "coach.openai.fallback[0].max-connections", "4",
        "coach.openai.fallback[1].provider", "compatible",
        "coach.openai.fallback[1].base-url", "http://localhost:8000/v1",
        "coach.openai.fallback[1].model", "qwen")));

    assertThat(settings.providers()).extracting(ProviderSettings::maxConnections).containsExactly(200, 4, 64);
  }

  @Test
  void givenZeroMaxConnections_from_skipsTheProviderWithANote() {
    ChatSettings settings = ChatSettings.from(config(Map.of(
        "coach.openai.api-key", "sk-1",
        "coach.openai.max-connections", "0")));

    assertThat(settings.providers()).isEmpty();
    assertThat(settings.notes()).containsExactly(
        "coach.openai is not usable: maxConnections must be positive but was 0");
  }

  @Test
  void givenIncompleteFallbackAndRepeatedKinds_from_skipsItAndKeepsNamesUnique() {
    ChatSettings settings = ChatSettings.from(config(Map.of(
        "coach.openai.api-key", "sk-1",
        "coach.openai.fallback[0].api-key", "sk-2",
        "coach.openai.fallback[1].provider", "compatible")));

    assertThat(settings.providers()).extracting(ProviderSettings::name).containsExactly("openai", "openai-2");
    assertThat(settings.notes()).containsExactly("coach.openai.fallback[1] (compatible) is not configured: missing "
        + "coach.openai.fallback[1].base-url, coach.openai.fallback[1].model");
  }

  @Test
  void givenConfiguredChain_describe_neverShowsAKey() {
    try (OpenAiCoachModel model = new OpenAiCoachModel(config(Map.of(
        "coach.openai.api-key", "sk-secret-123",
        "coach.openai.fallback[0].provider", "azure",
        "coach.openai.fallback[0].endpoint", "https://x.openai.azure.com",
        "coach.openai.fallback[0].deployment", "d",
        "coach.openai.fallback[0].api-key", "azure-secret-456")))) {
      assertThat(model.describe()).contains("openai (openai, model gpt-4o-mini at https://api.openai.com/v1)")
          .contains("falling back to azure (azure, model d at https://x.openai.azure.com/openai/deployments/d"
              + "?api-version=2024-10-21)")
          .doesNotContain("sk-secret-123").doesNotContain("azure-secret-456");
    }
  }
}
