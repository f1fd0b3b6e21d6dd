package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code nutrition_days}: one per user and date (the id is the table's own). */
@Entity
@Table(name = "nutrition_days")
public class NutritionDayJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(name = "nutrition_date", nullable = false)
  public LocalDate date;

  @Column(nullable = false)
  public int calories;

  @Column(name = "protein_g", nullable = false)
  public double proteinG;

  @Column(name = "carbs_g", nullable = false)
  public double carbsG;

  @Column(name = "fat_g", nullable = false)
  public double fatG;

  @Column(name = "adherence_percent", nullable = false)
  public int adherencePercent;

  public String notes;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;
}
