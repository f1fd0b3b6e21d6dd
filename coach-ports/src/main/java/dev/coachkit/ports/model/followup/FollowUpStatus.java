package dev.coachkit.ports.model.followup;

/** Where a follow-up stands. */
public enum FollowUpStatus {
  SCHEDULED,
  COMPLETED,
  CANCELLED
}
