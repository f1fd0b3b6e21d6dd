package dev.coachkit.ports.model.plan;

/** A piece of training equipment; {@link #BODYWEIGHT} means none and is always available. */
public enum Equipment {
  BODYWEIGHT,
  DUMBBELL,
  BARBELL,
  KETTLEBELL,
  MACHINE,
  CABLE,
  BAND,
  BENCH,
  PULL_UP_BAR,
  SQUAT_RACK,
  DIP_BARS,
  MEDICINE_BALL,
  STABILITY_BALL,
  SUSPENSION_TRAINER,
  JUMP_ROPE,
  PLYO_BOX,
  ROWING_MACHINE,
  STATIONARY_BIKE,
  TREADMILL
}
