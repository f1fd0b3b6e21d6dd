package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Row of {@code workouts}; the logged exercises are a jsonb array held as JSON text. */
@Entity
@Table(name = "workouts")
public class WorkoutJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(name = "workout_date", nullable = false)
  public LocalDate date;

  @Column(nullable = false)
  public String activity;

  @Column(name = "duration_minutes", nullable = false)
  public int durationMinutes;

  @Column(name = "perceived_exertion")
  public Integer perceivedExertion;

  @Column(nullable = false)
  @ColumnTransformer(write = "?::jsonb")
  public String exercises;

  public String notes;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;
}
