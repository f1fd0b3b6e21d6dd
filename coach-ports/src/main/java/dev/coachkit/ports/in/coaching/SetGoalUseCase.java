package dev.coachkit.ports.in.coaching;

/** Driving port: creates or changes a user's goal. */
public interface SetGoalUseCase {

  SetGoalResult set(SetGoalCommand command);
}
