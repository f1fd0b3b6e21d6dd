package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.feedback.Rating;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code feedback}; the target is a (type, id) pair. */
@Entity
@Table(name = "feedback")
public class FeedbackJpaEntity {
  /** {@code target_type} of feedback on one message. */
  public static final String ON_MESSAGE = "MESSAGE";
  /** {@code target_type} of feedback on a voice session. */
  public static final String ON_VOICE_SESSION = "VOICE_SESSION";

  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(name = "target_type", nullable = false)
  public String targetType;

  @Column(name = "target_id", nullable = false)
  public UUID targetId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Rating rating;

  public String comment;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
