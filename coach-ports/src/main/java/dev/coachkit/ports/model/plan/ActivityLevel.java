package dev.coachkit.ports.model.plan;

/** Daily activity outside planned training, from which total energy expenditure is estimated. */
public enum ActivityLevel {
  SEDENTARY,
  LIGHTLY_ACTIVE,
  MODERATELY_ACTIVE,
  VERY_ACTIVE,
  EXTRA_ACTIVE
}
