package dev.coachkit.domain.plan;

import static dev.coachkit.domain.plan.exercise.MovementPattern.CALF_RAISE;
import static dev.coachkit.domain.plan.exercise.MovementPattern.CARRY;
import static dev.coachkit.domain.plan.exercise.MovementPattern.CHEST_FLY;
import static dev.coachkit.domain.plan.exercise.MovementPattern.CONDITIONING;
import static dev.coachkit.domain.plan.exercise.MovementPattern.CORE;
import static dev.coachkit.domain.plan.exercise.MovementPattern.ELBOW_EXTENSION;
import static dev.coachkit.domain.plan.exercise.MovementPattern.ELBOW_FLEXION;
import static dev.coachkit.domain.plan.exercise.MovementPattern.HINGE;
import static dev.coachkit.domain.plan.exercise.MovementPattern.HIP_EXTENSION;
import static dev.coachkit.domain.plan.exercise.MovementPattern.HORIZONTAL_PULL;
import static dev.coachkit.domain.plan.exercise.MovementPattern.HORIZONTAL_PUSH;
import static dev.coachkit.domain.plan.exercise.MovementPattern.KNEE_EXTENSION;
import static dev.coachkit.domain.plan.exercise.MovementPattern.KNEE_FLEXION;
import static dev.coachkit.domain.plan.exercise.MovementPattern.LUNGE;
import static dev.coachkit.domain.plan.exercise.MovementPattern.SHOULDER_RAISE;
import static dev.coachkit.domain.plan.exercise.MovementPattern.SQUAT;
import static dev.coachkit.domain.plan.exercise.MovementPattern.VERTICAL_PULL;
import static dev.coachkit.domain.plan.exercise.MovementPattern.VERTICAL_PUSH;

import dev.coachkit.domain.plan.exercise.MovementPattern;
import dev.coachkit.ports.model.plan.DayFocus;
import java.util.List;

/**
 * The slots of each kind of session, in order of priority; a slot lists acceptable movement patterns, the
 * first preferred, so an injury that rules out one pattern falls back to the next.
 */
final class SessionTemplates {

  private static final List<List<List<MovementPattern>>> FULL_BODY = List.of(
      List.of(slot(SQUAT, LUNGE, HIP_EXTENSION), slot(HORIZONTAL_PUSH, VERTICAL_PUSH),
          slot(HORIZONTAL_PULL, VERTICAL_PULL), slot(HINGE, HIP_EXTENSION), slot(VERTICAL_PUSH, SHOULDER_RAISE),
          slot(CORE), slot(ELBOW_FLEXION), slot(ELBOW_EXTENSION)),
      List.of(slot(HINGE, HIP_EXTENSION), slot(VERTICAL_PUSH, HORIZONTAL_PUSH),
          slot(VERTICAL_PULL, HORIZONTAL_PULL), slot(LUNGE, SQUAT, HIP_EXTENSION), slot(HORIZONTAL_PUSH),
          slot(CORE), slot(CARRY, CORE), slot(CALF_RAISE)),
      List.of(slot(LUNGE, SQUAT, HIP_EXTENSION), slot(HORIZONTAL_PUSH, VERTICAL_PUSH),
          slot(VERTICAL_PULL, HORIZONTAL_PULL), slot(HIP_EXTENSION, HINGE), slot(SHOULDER_RAISE),
          slot(HORIZONTAL_PULL), slot(CORE), slot(CONDITIONING)));

  private static final List<List<MovementPattern>> UPPER = List.of(
      slot(HORIZONTAL_PUSH, VERTICAL_PUSH), slot(HORIZONTAL_PULL, VERTICAL_PULL), slot(VERTICAL_PUSH, CHEST_FLY),
      slot(VERTICAL_PULL, HORIZONTAL_PULL), slot(SHOULDER_RAISE), slot(ELBOW_FLEXION), slot(ELBOW_EXTENSION),
      slot(CHEST_FLY));

  private static final List<List<MovementPattern>> LOWER = List.of(
      slot(SQUAT, LUNGE, HIP_EXTENSION), slot(HINGE, HIP_EXTENSION), slot(LUNGE, SQUAT, HIP_EXTENSION),
      slot(KNEE_FLEXION, HIP_EXTENSION), slot(KNEE_EXTENSION), slot(CALF_RAISE), slot(CORE));

  private static final List<List<MovementPattern>> PUSH = List.of(
      slot(HORIZONTAL_PUSH, VERTICAL_PUSH), slot(VERTICAL_PUSH, HORIZONTAL_PUSH), slot(HORIZONTAL_PUSH, CHEST_FLY),
      slot(SHOULDER_RAISE), slot(ELBOW_EXTENSION), slot(CHEST_FLY), slot(ELBOW_EXTENSION));

  private static final List<List<MovementPattern>> PULL = List.of(
      slot(VERTICAL_PULL, HORIZONTAL_PULL), slot(HORIZONTAL_PULL, VERTICAL_PULL), slot(HORIZONTAL_PULL),
      slot(SHOULDER_RAISE), slot(ELBOW_FLEXION), slot(ELBOW_FLEXION), slot(CORE));

  private static final List<List<MovementPattern>> LEGS = List.of(
      slot(SQUAT, LUNGE, HIP_EXTENSION), slot(HINGE, HIP_EXTENSION), slot(LUNGE, SQUAT, HIP_EXTENSION),
      slot(KNEE_FLEXION, HIP_EXTENSION), slot(KNEE_EXTENSION), slot(CALF_RAISE), slot(CORE));

  private SessionTemplates() {}

  /** How many different templates a focus rotates through. */
  static int variants(DayFocus focus) {
    return focus == DayFocus.FULL_BODY ? FULL_BODY.size() : 1;
  }

  /** The slots of the given variant of a focus. */
  static List<List<MovementPattern>> slots(DayFocus focus, int variant) {
    switch (focus) {
      case FULL_BODY:
        return FULL_BODY.get(variant % FULL_BODY.size());
      case UPPER:
        return UPPER;
      case LOWER:
        return LOWER;
      case PUSH:
        return PUSH;
      case PULL:
        return PULL;
      case LEGS:
        return LEGS;
      default:
        throw new IllegalArgumentException("unknown focus " + focus);
    }
  }

  private static List<MovementPattern> slot(MovementPattern... patterns) {
    return List.of(patterns);
  }
}
