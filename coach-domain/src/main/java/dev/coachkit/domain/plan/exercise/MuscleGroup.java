package dev.coachkit.domain.plan.exercise;

/** A muscle group an exercise mainly trains. */
public enum MuscleGroup {
  CHEST,
  BACK,
  LOWER_BACK,
  TRAPS,
  SHOULDERS,
  BICEPS,
  TRICEPS,
  FOREARMS,
  CORE,
  HIP_FLEXORS,
  GLUTES,
  QUADRICEPS,
  HAMSTRINGS,
  ADDUCTORS,
  CALVES,
  FULL_BODY
}
