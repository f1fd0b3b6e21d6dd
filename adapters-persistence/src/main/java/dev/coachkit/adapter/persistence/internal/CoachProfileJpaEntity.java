package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.coaching.PreferredMode;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.FitnessLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Row of {@code coach_profiles}: one per user, keyed by the user id. */
@Entity
@Table(name = "coach_profiles")
public class CoachProfileJpaEntity {
  @Id
  @Column(name = "user_id")
  public String userId;

  public String name;

  @Column(name = "birth_year")
  public Integer birthYear;

  @Enumerated(EnumType.STRING)
  public Sex sex;

  @Column(name = "height_cm")
  public Double heightCm;

  @Column(name = "weight_kg")
  public Double weightKg;

  @Enumerated(EnumType.STRING)
  @Column(name = "fitness_level")
  public FitnessLevel fitnessLevel;

  @Enumerated(EnumType.STRING)
  @Column(name = "activity_level")
  public ActivityLevel activityLevel;

  @Column(nullable = false)
  public String[] injuries;

  @Column(nullable = false)
  public String[] equipment;

  @Column(name = "dietary_preferences", nullable = false)
  public String[] dietaryPreferences;

  @Column(nullable = false)
  public String[] allergies;

  @Column(nullable = false)
  public String language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Persona persona;

  @Enumerated(EnumType.STRING)
  @Column(name = "preferred_mode", nullable = false)
  public PreferredMode preferredMode;

  @Column(name = "preferred_voice")
  public String preferredVoice;

  @Column(name = "weekly_check_in_opt_in", nullable = false)
  public boolean weeklyCheckInOptIn;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
