package dev.coachkit.domain.plan.exercise;

import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A search of the exercise library; every present criterion must match.
 *
 * @param muscle only exercises that train this muscle group
 * @param pattern only exercises of this movement pattern
 * @param availableEquipment only exercises usable with this equipment (body weight is always available)
 * @param level only exercises suitable at this level
 * @param text only exercises whose name or id contains every word of this text, ignoring case
 * @param avoid never exercises contraindicated for any of these limitations
 * @param limit at most this many results (1 to 100), in library order
 */
public record ExerciseQuery(
    Optional<MuscleGroup> muscle,
    Optional<MovementPattern> pattern,
    Optional<Set<Equipment>> availableEquipment,
    Optional<FitnessLevel> level,
    Optional<String> text,
    Set<Limitation> avoid,
    int limit) {

  public static final int MAX_LIMIT = 100;

  public ExerciseQuery {
    Objects.requireNonNull(muscle, "muscle must not be null");
    Objects.requireNonNull(pattern, "pattern must not be null");
    Objects.requireNonNull(availableEquipment, "availableEquipment must not be null");
    availableEquipment = availableEquipment.map(ExerciseQuery::copy);
    Objects.requireNonNull(level, "level must not be null");
    Objects.requireNonNull(text, "text must not be null");
    avoid = copy(Objects.requireNonNull(avoid, "avoid must not be null"));
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** A query that matches every exercise, up to 20 results. */
  public static ExerciseQuery any() {
    return new ExerciseQuery(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), 20);
  }

  public ExerciseQuery withMuscle(MuscleGroup value) {
    return new ExerciseQuery(Optional.of(value), pattern, availableEquipment, level, text, avoid, limit);
  }

  public ExerciseQuery withPattern(MovementPattern value) {
    return new ExerciseQuery(muscle, Optional.of(value), availableEquipment, level, text, avoid, limit);
  }

  public ExerciseQuery withEquipment(Set<Equipment> value) {
    return new ExerciseQuery(muscle, pattern, Optional.of(value), level, text, avoid, limit);
  }

  public ExerciseQuery withLevel(FitnessLevel value) {
    return new ExerciseQuery(muscle, pattern, availableEquipment, Optional.of(value), text, avoid, limit);
  }

  public ExerciseQuery withText(String value) {
    return new ExerciseQuery(muscle, pattern, availableEquipment, level, Optional.of(value), avoid, limit);
  }

  public ExerciseQuery avoiding(Set<Limitation> value) {
    return new ExerciseQuery(muscle, pattern, availableEquipment, level, text, value, limit);
  }

  public ExerciseQuery withLimit(int value) {
    return new ExerciseQuery(muscle, pattern, availableEquipment, level, text, avoid, value);
  }

  private static <E extends Enum<E>> Set<E> copy(Set<E> values) {
    if (values.isEmpty()) {
      return Set.of();
    }
    return Collections.unmodifiableSet(EnumSet.copyOf(values));
  }
}
