package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code conversations}. */
@Entity
@Table(name = "conversations")
public class ConversationJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false, updatable = false)
  public String userId;

  public String title;

  @Column(name = "idempotency_key", updatable = false)
  public String idempotencyKey;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "last_activity_at", nullable = false)
  public Instant lastActivityAt;

  @Column(name = "message_count", nullable = false)
  public long messageCount;
}
