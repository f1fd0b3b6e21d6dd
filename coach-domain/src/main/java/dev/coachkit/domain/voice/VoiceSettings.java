package dev.coachkit.domain.voice;

import dev.coachkit.domain.context.CoachContextBuilder;
import dev.coachkit.domain.conversation.HistoryWindowPolicy;
import dev.coachkit.ports.model.realtime.TurnDetection;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of voice sessions and live calls; see {@code docs/reference/voice-domain.md} for each value.
 *
 * @param realtimeModel the realtime model name sent upstream and priced in the {@code PriceTable}
 * @param defaultVoice the voice when neither the request nor the profile names one
 * @param turnDetection how the model detects the end of the user's turn
 * @param inputTranscriptionModel the model that transcribes the user's speech (empty: no user transcripts)
 * @param contextTokenBudget estimated tokens the coach context may take in the instructions
 * @param zone the zone in which the coach context reads dates
 * @param maxCallDuration the longest a call may last (and the time a new session has to connect)
 * @param endingWarnings how long before the maximum duration the client is warned with {@code session_ending}
 * @param maxOpenPerUser open (created or active) voice sessions per user
 * @param idleTimeout a call in which nothing happens for this long is ended
 * @param upstreamMaxDuration the longest one upstream model session may last (the provider's limit)
 * @param continuationLead how long before the upstream limit the call moves to a new upstream session
 * @param continuationHistory how many recent turns a new upstream session carries
 * @param reconnect how a dropped upstream connection is retried
 * @param tokenTtl how long an ephemeral realtime token is valid
 * @param tickInterval how often a live call checks idleness and whether its session was ended elsewhere
 * @param waitForCall how long ending or attaching waits for a live call to settle
 */
public record VoiceSettings(
    String realtimeModel,
    String defaultVoice,
    TurnDetection turnDetection,
    Optional<String> inputTranscriptionModel,
    int contextTokenBudget,
    ZoneId zone,
    Duration maxCallDuration,
    List<Duration> endingWarnings,
    int maxOpenPerUser,
    Duration idleTimeout,
    Duration upstreamMaxDuration,
    Duration continuationLead,
    HistoryWindowPolicy continuationHistory,
    ReconnectPolicy reconnect,
    Duration tokenTtl,
    Duration tickInterval,
    Duration waitForCall) {

  public VoiceSettings {
    Objects.requireNonNull(realtimeModel, "realtimeModel must not be null");
    Objects.requireNonNull(defaultVoice, "defaultVoice must not be null");
    Objects.requireNonNull(turnDetection, "turnDetection must not be null");
    Objects.requireNonNull(inputTranscriptionModel, "inputTranscriptionModel must not be null");
    if (contextTokenBudget < CoachContextBuilder.MIN_TOKEN_BUDGET) {
      throw new IllegalArgumentException("contextTokenBudget must be at least " + CoachContextBuilder.MIN_TOKEN_BUDGET);
    }
    Objects.requireNonNull(zone, "zone must not be null");
    positive(maxCallDuration, "maxCallDuration");
    endingWarnings = new ArrayList<>(Objects.requireNonNull(endingWarnings, "endingWarnings must not be null"));
    endingWarnings.forEach(w -> positive(w, "endingWarnings"));
    endingWarnings.sort(Comparator.reverseOrder());
    endingWarnings = List.copyOf(endingWarnings);
    if (maxOpenPerUser < 1) {
      throw new IllegalArgumentException("maxOpenPerUser must be at least 1, was " + maxOpenPerUser);
    }
    positive(idleTimeout, "idleTimeout");
    positive(upstreamMaxDuration, "upstreamMaxDuration");
    Objects.requireNonNull(continuationLead, "continuationLead must not be null");
    if (continuationLead.isNegative() || continuationLead.compareTo(upstreamMaxDuration) >= 0) {
      throw new IllegalArgumentException("continuationLead must be at least 0 and less than upstreamMaxDuration");
    }
    Objects.requireNonNull(continuationHistory, "continuationHistory must not be null");
    Objects.requireNonNull(reconnect, "reconnect must not be null");
    positive(tokenTtl, "tokenTtl");
    positive(tickInterval, "tickInterval");
    positive(waitForCall, "waitForCall");
  }

  private static void positive(Duration d, String field) {
    Objects.requireNonNull(d, field + " must not be null");
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + d);
    }
  }

  /** The defaults: 30-minute calls, one open session per user, 60-minute upstream sessions (OpenAI GA). */
  public static VoiceSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.realtimeModel = realtimeModel;
    b.defaultVoice = defaultVoice;
    b.turnDetection = turnDetection;
    b.inputTranscriptionModel = inputTranscriptionModel;
    b.contextTokenBudget = contextTokenBudget;
    b.zone = zone;
    b.maxCallDuration = maxCallDuration;
    b.endingWarnings = endingWarnings;
    b.maxOpenPerUser = maxOpenPerUser;
    b.idleTimeout = idleTimeout;
    b.upstreamMaxDuration = upstreamMaxDuration;
    b.continuationLead = continuationLead;
    b.continuationHistory = continuationHistory;
    b.reconnect = reconnect;
    b.tokenTtl = tokenTtl;
    b.tickInterval = tickInterval;
    b.waitForCall = waitForCall;
    return b;
  }

  /** Builds {@link VoiceSettings}; every value starts at its default. */
  public static final class Builder {
    private String realtimeModel = "gpt-realtime";
    private String defaultVoice = "marin";
    private TurnDetection turnDetection = new TurnDetection.ServerVad(0.5, 300, 500);
    private Optional<String> inputTranscriptionModel = Optional.of("gpt-4o-mini-transcribe");
    private int contextTokenBudget = CoachContextBuilder.DEFAULT_TOKEN_BUDGET;
    private ZoneId zone = ZoneId.of("UTC");
    private Duration maxCallDuration = Duration.ofMinutes(30);
    private List<Duration> endingWarnings = List.of(Duration.ofSeconds(60), Duration.ofSeconds(10));
    private int maxOpenPerUser = 1;
    private Duration idleTimeout = Duration.ofMinutes(3);
    private Duration upstreamMaxDuration = Duration.ofMinutes(60);
    private Duration continuationLead = Duration.ofSeconds(60);
    private HistoryWindowPolicy continuationHistory = new HistoryWindowPolicy(12, 1_500);
    private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
    private Duration tokenTtl = Duration.ofMinutes(10);
    private Duration tickInterval = Duration.ofSeconds(5);
    private Duration waitForCall = Duration.ofSeconds(5);

    private Builder() {}

    public Builder realtimeModel(String v) { realtimeModel = v; return this; }

    public Builder defaultVoice(String v) { defaultVoice = v; return this; }

    public Builder turnDetection(TurnDetection v) { turnDetection = v; return this; }

    public Builder inputTranscriptionModel(Optional<String> v) { inputTranscriptionModel = v; return this; }

    public Builder contextTokenBudget(int v) { contextTokenBudget = v; return this; }

    public Builder zone(ZoneId v) { zone = v; return this; }

    public Builder maxCallDuration(Duration v) { maxCallDuration = v; return this; }

    public Builder endingWarnings(List<Duration> v) { endingWarnings = v; return this; }

    public Builder maxOpenPerUser(int v) { maxOpenPerUser = v; return this; }

    public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }

    public Builder upstreamMaxDuration(Duration v) { upstreamMaxDuration = v; return this; }

    public Builder continuationLead(Duration v) { continuationLead = v; return this; }

    public Builder continuationHistory(HistoryWindowPolicy v) { continuationHistory = v; return this; }

    public Builder reconnect(ReconnectPolicy v) { reconnect = v; return this; }

    public Builder tokenTtl(Duration v) { tokenTtl = v; return this; }

    public Builder tickInterval(Duration v) { tickInterval = v; return this; }

    public Builder waitForCall(Duration v) { waitForCall = v; return this; }

    public VoiceSettings build() {
      return new VoiceSettings(realtimeModel, defaultVoice, turnDetection, inputTranscriptionModel,
          contextTokenBudget, zone, maxCallDuration, endingWarnings, maxOpenPerUser, idleTimeout,
          upstreamMaxDuration, continuationLead, continuationHistory, reconnect, tokenTtl, tickInterval,
          waitForCall);
    }
  }
}
