package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code usage_entries}: one model response's usage and cost. */
@Entity
@Table(name = "usage_entries")
public class UsageEntryJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(name = "voice_session_id")
  public UUID voiceSessionId;

  @Column(name = "conversation_id")
  public UUID conversationId;

  @Column(nullable = false)
  public String model;

  @Column(name = "input_tokens", nullable = false)
  public long inputTokens;

  @Column(name = "cached_input_tokens", nullable = false)
  public long cachedInputTokens;

  @Column(name = "output_tokens", nullable = false)
  public long outputTokens;

  @Column(name = "audio_input_tokens", nullable = false)
  public long audioInputTokens;

  @Column(name = "audio_output_tokens", nullable = false)
  public long audioOutputTokens;

  @Column(name = "audio_seconds_in", nullable = false)
  public double audioSecondsIn;

  @Column(name = "audio_seconds_out", nullable = false)
  public double audioSecondsOut;

  @Column(name = "cost_micros", nullable = false)
  public long costMicros;

  @Column(name = "occurred_at", nullable = false)
  public Instant occurredAt;
}
