package dev.coachkit.domain.plan.exercise;

import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.PrescriptionUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One exercise of the library.
 *
 * @param id stable identifier, lower snake case
 * @param name display name
 * @param primaryMuscles the muscle groups it mainly trains, most important first; never empty
 * @param pattern the movement it trains
 * @param equipment everything it needs; {@link Equipment#BODYWEIGHT} alone means nothing
 * @param level the least experience it calls for
 * @param contraindications limitations that rule it out
 * @param unit whether it is dosed in repetitions or seconds
 */
public record Exercise(
    String id,
    String name,
    List<MuscleGroup> primaryMuscles,
    MovementPattern pattern,
    Set<Equipment> equipment,
    FitnessLevel level,
    Set<Limitation> contraindications,
    PrescriptionUnit unit) {

  public Exercise {
    Objects.requireNonNull(id, "id must not be null");
    if (!id.matches("[a-z0-9]+(_[a-z0-9]+)*")) {
      throw new IllegalArgumentException("id must be lower snake case, was '" + id + "'");
    }
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    primaryMuscles = List.copyOf(Objects.requireNonNull(primaryMuscles, "primaryMuscles must not be null"));
    if (primaryMuscles.isEmpty()) {
      throw new IllegalArgumentException("primaryMuscles must not be empty");
    }
    Objects.requireNonNull(pattern, "pattern must not be null");
    equipment = enumSet(Equipment.class, equipment, "equipment");
    if (equipment.isEmpty()) {
      throw new IllegalArgumentException("equipment must not be empty; use BODYWEIGHT for none");
    }
    Objects.requireNonNull(level, "level must not be null");
    contraindications = enumSet(Limitation.class, contraindications, "contraindications");
    Objects.requireNonNull(unit, "unit must not be null");
  }

  /** True when everything the exercise needs is available; body weight always is. */
  public boolean usableWith(Set<Equipment> available) {
    for (Equipment needed : equipment) {
      if (needed != Equipment.BODYWEIGHT && !available.contains(needed)) {
        return false;
      }
    }
    return true;
  }

  /** True when someone at {@code trainee} level may do it. */
  public boolean suits(FitnessLevel trainee) {
    return trainee.reaches(level);
  }

  /** True when none of the given limitations is a contraindication of this exercise. */
  public boolean safeFor(Set<Limitation> limitations) {
    return Collections.disjoint(contraindications, limitations);
  }

  /** True when the exercise trains this muscle group as a primary mover. */
  public boolean trains(MuscleGroup muscle) {
    return primaryMuscles.contains(muscle);
  }

  private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> values, String field) {
    Objects.requireNonNull(values, field + " must not be null");
    EnumSet<E> copy = EnumSet.noneOf(type);
    for (E value : values) {
      copy.add(Objects.requireNonNull(value, field + " must not contain null"));
    }
    return Collections.unmodifiableSet(copy);
  }
}
