package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.followup.FollowUpStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code follow_ups}. */
@Entity
@Table(name = "follow_ups")
public class FollowUpJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(name = "due_at", nullable = false)
  public Instant dueAt;

  @Column(nullable = false)
  public String topic;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public FollowUpStatus status;

  @Column(name = "source_conversation_id")
  public UUID sourceConversationId;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "completed_at")
  public Instant completedAt;
}
