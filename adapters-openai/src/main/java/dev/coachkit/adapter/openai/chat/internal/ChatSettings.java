package dev.coachkit.adapter.openai.chat.internal;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.adapter.openai.OpenAiConfig.ProviderKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything the chat adapter needs, as plain values: the provider chain (primary first; empty when none is
 * configured, with the reason and the hint how to configure one), the retry policy, the tool strictness, and the
 * sleeper, random source and clock the retries use (injectable so tests are fast and deterministic).
 */
public record ChatSettings(
    List<ProviderSettings> providers,
    RetryPolicy retry,
    boolean strictTools,
    Sleeper sleeper,
    DoubleSupplier random,
    Clock clock,
    List<String> notes) {

  /** Where the documentation says how to configure a provider. */
  public static final String HOW_TO_CONFIGURE = "set coach.openai.api-key (environment variable "
      + "COACH_OPENAI_API_KEY) for OpenAI, or coach.openai.provider=azure with coach.openai.endpoint, "
      + "coach.openai.deployment and coach.openai.api-key, or coach.openai.provider=compatible with "
      + "coach.openai.base-url and coach.openai.model (see docs/reference/openai-config.md)";

  public ChatSettings {
    providers = List.copyOf(providers);
    Set<String> names = new HashSet<>();
    for (ProviderSettings p : providers) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("provider names must be unique but '" + p.name() + "' repeats");
      }
    }
    Objects.requireNonNull(retry, "retry must not be null");
    Objects.requireNonNull(sleeper, "sleeper must not be null");
    Objects.requireNonNull(random, "random must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    notes = List.copyOf(notes);
  }

  /** The given providers with the default retry policy, strict tools, real sleeping and randomness. */
  public static ChatSettings of(List<ProviderSettings> providers) {
    return new ChatSettings(providers, RetryPolicy.DEFAULT, true, Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC(), List.of());
  }

  /** No provider: every call answers NOT_CONFIGURED. */
  public static ChatSettings notConfigured(String reason) {
    return new ChatSettings(List.of(), RetryPolicy.DEFAULT, true, Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC(), List.of(reason));
  }

  public ChatSettings withRetry(RetryPolicy newRetry) {
    return new ChatSettings(providers, newRetry, strictTools, sleeper, random, clock, notes);
  }

  public ChatSettings withSleeper(Sleeper newSleeper) {
    return new ChatSettings(providers, retry, strictTools, newSleeper, random, clock, notes);
  }

  public ChatSettings withRandom(DoubleSupplier newRandom) {
    return new ChatSettings(providers, retry, strictTools, sleeper, newRandom, clock, notes);
  }

  public ChatSettings withStrictTools(boolean strict) {
    return new ChatSettings(providers, retry, strict, sleeper, random, clock, notes);
  }

  public boolean configured() {
    return !providers.isEmpty();
  }

  /**
   * Resolves the configuration: the primary and each fallback become a {@link ProviderSettings} if complete; an
   * incomplete primary leaves the adapter unconfigured, an incomplete fallback is skipped; both are noted.
   */
  public static ChatSettings from(OpenAiConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    List<String> notes = new ArrayList<>();
    List<ProviderSettings> providers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Optional<ProviderSettings> primary = resolve(config.primary(), "coach.openai", names, notes);
    if (primary.isPresent()) {
      providers.add(primary.get());
      for (int i = 0; i < config.fallback().size(); i++) {
        resolve(config.fallback().get(i), "coach.openai.fallback[" + i + "]", names, notes).ifPresent(providers::add);
      }
    } else if (!config.fallback().isEmpty()) {
      notes.add("the fallback providers are ignored while the primary is not configured");
    }
    OpenAiConfig.Retry r = config.retry();
    RetryPolicy retry = new RetryPolicy(r.maxAttempts(), r.initialBackoff(), r.maxBackoff(), r.multiplier(),
        r.jitter(), r.maxRetryAfter());
    return new ChatSettings(providers, retry, config.strictTools(), Sleeper.SYSTEM,
        () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC(), notes);
  }

  private static Optional<ProviderSettings> resolve(OpenAiConfig.Provider p, String prefix, Set<String> names,
      List<String> notes) {
    List<String> missing = new ArrayList<>();
    Optional<String> key = nonBlank(p.apiKey());
    ProviderKind kind = p.provider();
    switch (kind) {
      case OPENAI -> {
        if (key.isEmpty()) {
          missing.add(prefix + ".api-key");
        }
      }
      case AZURE -> {
        if (nonBlank(p.endpoint()).isEmpty()) {
          missing.add(prefix + ".endpoint");
        }
        if (nonBlank(p.deployment()).isEmpty()) {
          missing.add(prefix + ".deployment");
        }
        if (key.isEmpty()) {
          missing.add(prefix + ".api-key");
        }
      }
      case COMPATIBLE -> {
        if (nonBlank(p.baseUrl()).isEmpty()) {
          missing.add(prefix + ".base-url");
        }
        if (nonBlank(p.model()).isEmpty()) {
          missing.add(prefix + ".model");
        }
      }
    }
    if (!missing.isEmpty()) {
      notes.add(prefix + " (" + kind.name().toLowerCase(Locale.ROOT) + ") is not configured: missing "
          + String.join(", ", missing));
      return Optional.empty();
    }
    String name = uniqueName(nonBlank(p.name()).orElse(kind.name().toLowerCase(Locale.ROOT)), names);
    try {
      ProviderSettings settings = switch (kind) {
        case OPENAI -> ProviderSettings.openAi(name, nonBlank(p.baseUrl()).orElse(ProviderSettings.OPENAI_BASE_URL),
            key.get(), nonBlank(p.model()).orElse("gpt-4o-mini"), p.connectTimeout(), p.readTimeout());
        case AZURE -> ProviderSettings.azure(name, p.endpoint().get(), p.deployment().get(), p.apiVersion(),
            key.get(), nonBlank(p.model()), p.connectTimeout(), p.readTimeout());
        case COMPATIBLE -> ProviderSettings.compatible(name, p.baseUrl().get(), key, p.model().get(),
            p.connectTimeout(), p.readTimeout());
      };
      return Optional.of(settings.withMaxConnections(p.maxConnections()));
    } catch (IllegalArgumentException e) {
      notes.add(prefix + " is not usable: " + e.getMessage());
      names.remove(name);
      return Optional.empty();
    }
  }

  private static String uniqueName(String wanted, Set<String> names) {
    String name = wanted.length() > 60 ? wanted.substring(0, 60) : wanted;
    String candidate = name;
    for (int n = 2; !names.add(candidate); n++) {
      candidate = name + "-" + n;
    }
    return candidate;
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::strip).filter(s -> !s.isEmpty());
  }
}
