package dev.coachkit.ports.in.coaching;

/**
 * Driving port: the weekly job; for each opted-in user it claims the week (so several instances may run it),
 * summarises the week and regenerates the user's plans from the summary.
 */
public interface RunWeeklyCheckInsUseCase {

  WeeklyCheckInReport run(RunWeeklyCheckInsCommand command);
}
