package dev.coachkit.ports.in.coaching;

import dev.coachkit.ports.model.coaching.CoachProfile;

/** Driving port: creates or replaces a user's coach profile. */
public interface UpsertCoachProfileUseCase {

  CoachProfile upsert(UpsertCoachProfileCommand command);
}
