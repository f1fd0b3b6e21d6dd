package dev.coachkit.adapter.web.voice;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.coachkit.ports.model.realtime.EphemeralToken;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.time.Instant;
import java.util.Optional;

/**
 * A voice session as the API shows it; {@code clientSecret} and {@code callUrl} only in the answer to starting a
 * WebRTC session, {@code websocketPath} only for relay sessions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VoiceSessionResponse(
    String id,
    String conversationId,
    String status,
    String transport,
    String voice,
    String persona,
    String language,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    Instant expiresAt,
    String callId,
    double audioSecondsIn,
    double audioSecondsOut,
    long tokensIn,
    long tokensOut,
    long costMicros,
    String endReason,
    String websocketPath,
    ClientSecret clientSecret,
    String callUrl) {

  /** The ephemeral secret a browser uses for its WebRTC call; never the server's API key. */
  record ClientSecret(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "ClientSecret[value=***, expiresAt=" + expiresAt + "]";
    }
  }

  static VoiceSessionResponse of(VoiceSession s, Optional<EphemeralToken> token) {
    boolean relay = s.transport() == dev.coachkit.ports.model.voice.VoiceTransport.RELAY;
    return new VoiceSessionResponse(s.id().toString(), s.conversationId().toString(), VoiceWireFormat.wire(s.status()),
        VoiceWireFormat.wire(s.transport()), s.voice(), VoiceWireFormat.wire(s.persona()),
        s.language().toLanguageTag(), s.createdAt(), s.startedAt().orElse(null), s.endedAt().orElse(null),
        s.expiresAt(), s.callId().orElse(null), s.audioSecondsIn(), s.audioSecondsOut(), s.tokensIn(), s.tokensOut(),
        s.costMicros(), s.endReason().map(VoiceWireFormat::wire).orElse(null),
        relay && s.isOpen() ? "/ws/coach/voice?session=" + s.id() : null,
        token.map(t -> new ClientSecret(t.value(), t.expiresAt())).orElse(null),
        token.map(t -> t.callUrl().toString()).orElse(null));
  }
}
