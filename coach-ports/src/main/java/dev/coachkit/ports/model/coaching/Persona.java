package dev.coachkit.ports.model.coaching;

/** Which coach persona speaks: fitness coach, wellness counsellor, or learning mentor in one of three roles. */
public enum Persona {
  FITNESS_COACH,
  WELLNESS_COUNSELLOR,
  LEARNING_MENTOR_STUDENT,
  LEARNING_MENTOR_TEACHER,
  LEARNING_MENTOR_FAMILY
}
