package dev.coachkit.ports.in.followup;

/** Driving port: completes a follow-up. */
public interface CompleteFollowUpUseCase {

  CompleteFollowUpResult complete(CompleteFollowUpCommand command);
}
