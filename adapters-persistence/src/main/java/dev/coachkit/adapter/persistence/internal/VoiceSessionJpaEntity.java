package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code voice_sessions}; {@code openSlot} is the adapter's, not the model's (see the V2 migration). */
@Entity
@Table(name = "voice_sessions")
public class VoiceSessionJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false, updatable = false)
  public String userId;

  @Column(name = "conversation_id", nullable = false)
  public UUID conversationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public VoiceSessionStatus status;

  @Column(nullable = false)
  public String voice;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Persona persona;

  @Column(nullable = false)
  public String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public VoiceTransport transport;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "ended_at")
  public Instant endedAt;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "last_activity_at", nullable = false)
  public Instant lastActivityAt;

  @Column(name = "call_id")
  public String callId;

  @Column(name = "audio_seconds_in", nullable = false)
  public double audioSecondsIn;

  @Column(name = "audio_seconds_out", nullable = false)
  public double audioSecondsOut;

  @Column(name = "tokens_in", nullable = false)
  public long tokensIn;

  @Column(name = "tokens_out", nullable = false)
  public long tokensOut;

  @Column(name = "cost_micros", nullable = false)
  public long costMicros;

  @Enumerated(EnumType.STRING)
  @Column(name = "end_reason")
  public VoiceEndReason endReason;

  @Column(name = "open_slot", nullable = false)
  public short openSlot;
}
