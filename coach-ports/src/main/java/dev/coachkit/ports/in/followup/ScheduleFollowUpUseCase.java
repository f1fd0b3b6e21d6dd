package dev.coachkit.ports.in.followup;

/** Driving port: schedules a follow-up (also used by the schedule_follow_up tool). */
public interface ScheduleFollowUpUseCase {

  ScheduleFollowUpResult schedule(ScheduleFollowUpCommand command);
}
