package dev.coachkit.server.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The domain's settings: chat, usage and cost, voice calls. Every key is listed in docs/reference/config.md. */
@ConfigMapping(prefix = "coach")
public interface CoachSettingsConfig {

  /** Text chat. */
  Chat chat();

  /** Usage, prices and the limits that protect the budget. */
  Usage usage();

  /** Voice calls. */
  Voice voice();

  /** The weekly check-in job. */
  CheckIn checkIn();

  /**
   * Where the server keeps its files; read at startup by {@code RuntimeSetup}, declared here because this mapping
   * owns the {@code coach} prefix and rejects keys it does not know.
   */
  Optional<String> dataDir();

  /** What {@code RuntimeSetup} decided at startup (database and auth mode); read by the startup banner. */
  Map<String, String> runtime();

  /** The calendar zone of "today" (daily budgets, 7-day windows, weekly check-ins). */
  @WithDefault("UTC")
  String zone();

  /** Weekly check-in settings. */
  interface CheckIn {
    /** Quarkus cron of the job (in {@code coach.zone}); {@code off} disables it. */
    @WithDefault("0 0 20 ? * SUN")
    String cron();
  }

  /** Text-chat settings. */
  interface Chat {
    /** Token budget of the coach-context section of the instructions. */
    @WithDefault("1500")
    int contextTokenBudget();

    /** At most this many recent messages go to the model (1..100). */
    @WithDefault("20")
    int historyMessages();

    /** Token budget of the history window. */
    @WithDefault("4000")
    int historyTokens();

    /** Cap on the length of one reply. */
    @WithDefault("800")
    int maxOutputTokens();

    /** Tool rounds per turn (1..5). */
    @WithDefault("5")
    int maxToolRounds();

    /** Threads that run streamed turns while the model answers. */
    @WithDefault("32")
    int streamThreads();
  }

  /** Usage and cost settings. */
  interface Usage {
    /** What one user may spend per day, in US dollars, before turns and calls are refused. */
    @WithDefault("1.00")
    BigDecimal dailyBudgetUsd();

    /** Model responses one user may cause per minute. */
    @WithDefault("30")
    int responsesPerMinute();

    /** Prices per model name (a name also matches dated variants by prefix), in US dollars per 1M tokens. */
    Map<String, Price> prices();

    /** The model whose price applies to a model missing from the table. */
    @WithDefault("gpt-4o")
    String fallbackPrice();
  }

  /** A model's price in US dollars per 1M tokens. */
  interface Price {
    BigDecimal textIn();

    @WithDefault("0")
    BigDecimal cachedTextIn();

    BigDecimal textOut();

    @WithDefault("0")
    BigDecimal audioIn();

    @WithDefault("0")
    BigDecimal audioOut();
  }

  /** Voice-call settings. */
  interface Voice {
    /** The Realtime model the domain asks for. */
    @WithDefault("gpt-realtime")
    String model();

    /** The voice when the user chose none. */
    @WithDefault("marin")
    String defaultVoice();

    /** A call ends after this long (warnings come before). */
    @WithDefault("30m")
    Duration maxCallDuration();

    /** Open voice sessions allowed per user. */
    @WithDefault("1")
    int maxOpenPerUser();

    /** A call with no audio or messages for this long ends. */
    @WithDefault("3m")
    Duration idleTimeout();

    /** How long one upstream Realtime session may last (60 min GA, 30 min beta). */
    @WithDefault("60m")
    Duration upstreamMaxDuration();

    /** How long before the upstream limit the call moves to a new upstream session. */
    @WithDefault("60s")
    Duration continuationLead();

    /** Lifetime of an ephemeral client token for WebRTC. */
    @WithDefault("10m")
    Duration tokenTtl();

    /** How often a live call checks its limits. */
    @WithDefault("5s")
    Duration tickInterval();

    /** Transcription model of the user's speech; "none" turns transcripts of the user off. */
    @WithDefault("gpt-4o-mini-transcribe")
    String inputTranscriptionModel();

    /** Threads that run live calls' work (each call runs one task at a time). */
    @WithDefault("8")
    int threads();
  }
}
