package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code check_ins}. */
@Entity
@Table(name = "check_ins")
public class CheckInJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(name = "period_start", nullable = false)
  public LocalDate periodStart;

  @Column(name = "period_end", nullable = false)
  public LocalDate periodEnd;

  @Column(name = "adherence_percent")
  public Integer adherencePercent;

  @Column(nullable = false)
  public String[] wins;

  @Column(nullable = false)
  public String[] obstacles;

  @Column(nullable = false)
  public String[] preferences;

  public String mood;

  public String energy;

  @Column(name = "open_questions", nullable = false)
  public String[] openQuestions;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
