package dev.coachkit.domain.safety;

/** A kind of message that must take the safety path instead of coaching. */
public enum RedFlag {
  /** Thoughts of suicide or self-harm. */
  SELF_HARM,
  /** Chest pain, pressure or tightness, a possible heart attack. */
  CHEST_PAIN,
  /** Fainting, passing out, losing consciousness. */
  FAINTING,
  /** Signs of an eating disorder: purging, starving, laxatives, extremely low intake. */
  EATING_DISORDER,
  /** Pregnancy together with an extreme goal (rapid weight loss, hard dieting, fasting). */
  PREGNANCY_EXTREME_GOAL
}
