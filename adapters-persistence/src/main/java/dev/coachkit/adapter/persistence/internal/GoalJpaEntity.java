package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.coaching.GoalStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code goals}. */
@Entity
@Table(name = "goals")
public class GoalJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(nullable = false)
  public String description;

  public String metric;

  @Column(name = "target_value")
  public Double targetValue;

  public String unit;

  @Column(name = "target_date")
  public LocalDate targetDate;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public GoalStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
