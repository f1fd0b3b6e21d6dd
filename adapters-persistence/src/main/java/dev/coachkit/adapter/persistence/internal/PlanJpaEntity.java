package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Row of {@code plans}; the body is jsonb held as JSON text (see {@link PlanBodyCodec}). */
@Entity
@Table(name = "plans")
public class PlanJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false, updatable = false)
  public String userId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  public PlanKind kind;

  @Column(nullable = false, updatable = false)
  public int version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public PlanStatus status;

  @Column(name = "source_conversation_id", updatable = false)
  public UUID sourceConversationId;

  @Column(nullable = false, updatable = false)
  @ColumnTransformer(write = "?::jsonb")
  public String body;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;
}
