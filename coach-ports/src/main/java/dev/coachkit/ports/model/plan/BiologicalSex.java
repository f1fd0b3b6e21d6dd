package dev.coachkit.ports.model.plan;

/**
 * The sex the energy equations use; {@link #UNSPECIFIED} takes the midpoint of the two Mifflin-St Jeor
 * constants and the higher safe floor.
 */
public enum BiologicalSex {
  FEMALE,
  MALE,
  UNSPECIFIED
}
