package dev.coachkit.ports.model.plan;

/** What a workout plan trains for; it decides sets, repetitions and rest. */
public enum TrainingGoal {
  STRENGTH,
  HYPERTROPHY,
  ENDURANCE,
  FAT_LOSS,
  GENERAL_FITNESS
}
