package dev.coachkit.adapter.openai.realtime.internal;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.adapter.openai.OpenAiConfig.ProviderKind;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.realtime.TurnDetection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the realtime adapter needs, as plain values: where to connect (empty when not configured, with the
 * reason), the protocol, timeouts, the clock that stamps events, and the session defaults.
 */
public record RealtimeSettings(
    Optional<RealtimeEndpoints> endpoints,
    RealtimeProtocol protocol,
    Duration connectTimeout,
    Duration setupTimeout,
    Duration closeTimeout,
    Duration requestTimeout,
    Clock clock,
    SessionDefaults defaults,
    List<String> notes) {

  /** The provider name failures report. */
  public static final String PROVIDER = "openai-realtime";

  /** How to configure the realtime adapter. */
  public static final String HOW_TO_CONFIGURE = "set coach.openai.api-key (environment variable COACH_OPENAI_API_KEY)"
      + " for OpenAI, or coach.openai.provider=azure with coach.openai.endpoint and coach.openai.api-key (and"
      + " coach.openai.realtime.deployment); see docs/reference/openai-config.md";

  /** The session values the server starts from when it builds a {@link RealtimeSessionConfig}. */
  public record SessionDefaults(String model, String voice, Optional<String> inputTranscriptionModel,
      TurnDetection turnDetection) {
    public SessionDefaults {
      Objects.requireNonNull(model, "model must not be null");
      Objects.requireNonNull(voice, "voice must not be null");
      Objects.requireNonNull(inputTranscriptionModel, "inputTranscriptionModel must not be null");
      Objects.requireNonNull(turnDetection, "turnDetection must not be null");
    }

    /** A session configuration with these defaults. */
    public RealtimeSessionConfig toConfig(String instructions, List<ToolSpec> tools, Locale language) {
      return new RealtimeSessionConfig(model, instructions, voice, turnDetection, inputTranscriptionModel, tools,
          language);
    }
  }

  public RealtimeSettings {
    Objects.requireNonNull(endpoints, "endpoints must not be null");
    Objects.requireNonNull(protocol, "protocol must not be null");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(setupTimeout, "setupTimeout");
    requirePositive(closeTimeout, "closeTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    Objects.requireNonNull(clock, "clock must not be null");
    Objects.requireNonNull(defaults, "defaults must not be null");
    notes = List.copyOf(notes);
  }

  /** Settings for these endpoints with default timeouts, the system clock and the built-in session defaults. */
  public static RealtimeSettings of(RealtimeEndpoints endpoints, RealtimeProtocol protocol) {
    return new RealtimeSettings(Optional.of(endpoints), protocol, Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(1), Duration.ofSeconds(10), Clock.systemUTC(), builtInDefaults(protocol), List.of());
  }

  /** Not configured: every call fails with NOT_CONFIGURED, naming the reason. */
  public static RealtimeSettings notConfigured(String reason) {
    return new RealtimeSettings(Optional.empty(), RealtimeProtocol.GA, Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(1), Duration.ofSeconds(10), Clock.systemUTC(), builtInDefaults(RealtimeProtocol.GA),
        List.of(reason));
  }

  public RealtimeSettings withTimeouts(Duration connect, Duration setup, Duration close) {
    return new RealtimeSettings(endpoints, protocol, connect, setup, close, requestTimeout, clock, defaults, notes);
  }

  public RealtimeSettings withClock(Clock newClock) {
    return new RealtimeSettings(endpoints, protocol, connectTimeout, setupTimeout, closeTimeout, requestTimeout,
        newClock, defaults, notes);
  }

  public boolean configured() {
    return endpoints.isPresent();
  }

  /** One line for the server banner, without secrets. */
  public String describe() {
    if (endpoints.isEmpty()) {
      return "OpenAI realtime: NOT CONFIGURED (" + String.join("; ", notes) + "); " + HOW_TO_CONFIGURE;
    }
    return "OpenAI realtime: " + protocol.name().toLowerCase(Locale.ROOT) + " protocol, " + endpoints.get().describe()
        + ", default model " + defaults.model() + ", voice " + defaults.voice();
  }

  /** Resolves {@code coach.openai.*}: the primary provider's kind, key and URL, and {@code coach.openai.realtime.*}. */
  public static RealtimeSettings from(OpenAiConfig config) {
    Objects.requireNonNull(config, "config must not be null");
    OpenAiConfig.Realtime rt = config.realtime();
    OpenAiConfig.Provider p = config.primary();
    List<String> notes = new ArrayList<>();
    Optional<String> key = nonBlank(p.apiKey());
    Optional<RealtimeEndpoints> endpoints = Optional.empty();
    ProviderKind kind = p.provider();
    if (kind == ProviderKind.COMPATIBLE) {
      notes.add("coach.openai.provider=compatible has no Realtime API (use openai or azure)");
    } else if (key.isEmpty()) {
      notes.add("coach.openai (" + kind.name().toLowerCase(Locale.ROOT) + ") is not configured: missing"
          + " coach.openai.api-key");
    } else if (kind == ProviderKind.AZURE && nonBlank(p.endpoint()).isEmpty()) {
      notes.add("coach.openai (azure) is not configured: missing coach.openai.endpoint");
    } else {
      try {
        endpoints = Optional.of(kind == ProviderKind.AZURE
            ? RealtimeEndpoints.azure(p.endpoint().get(), nonBlank(rt.wsBaseUrl()), key.get(),
                nonBlank(rt.deployment()), rt.azureApiVersion())
            : RealtimeEndpoints.openAi(nonBlank(p.baseUrl()).orElse(RealtimeEndpoints.OPENAI_BASE_URL),
                nonBlank(rt.wsBaseUrl()), key.get()));
      } catch (IllegalArgumentException e) {
        notes.add("coach.openai.realtime is not usable: " + e.getMessage());
      }
    }
    OpenAiConfig.TurnDetectionDefaults td = rt.turnDetection();
    TurnDetection turnDetection;
    switch (td.mode()) {
      case SEMANTIC_VAD -> turnDetection = new TurnDetection.SemanticVad(td.eagerness());
      case MANUAL -> turnDetection = new TurnDetection.Manual();
      default -> turnDetection = new TurnDetection.ServerVad(td.threshold(), td.prefixPaddingMs(),
          td.silenceDurationMs());
    }
    String transcription = rt.inputTranscriptionModel().strip();
    SessionDefaults defaults = new SessionDefaults(rt.model().strip(), rt.voice().strip(),
        transcription.isEmpty() || "none".equalsIgnoreCase(transcription) ? Optional.empty()
            : Optional.of(transcription), turnDetection);
    return new RealtimeSettings(endpoints, rt.protocol(), rt.connectTimeout(), rt.setupTimeout(), rt.closeTimeout(),
        rt.requestTimeout(), Clock.systemUTC(), defaults, notes);
  }

  private static SessionDefaults builtInDefaults(RealtimeProtocol protocol) {
    return new SessionDefaults(protocol == RealtimeProtocol.GA ? "gpt-realtime" : "gpt-4o-realtime-preview", "alloy",
        Optional.of("whisper-1"), new TurnDetection.ServerVad(0.5, 300, 500));
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.map(String::strip).filter(s -> !s.isEmpty());
  }

  private static void requirePositive(Duration d, String field) {
    Objects.requireNonNull(d, field + " must not be null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive but was " + d);
    }
  }
}
