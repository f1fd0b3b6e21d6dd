package dev.coachkit.ports.out.followup;

import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: stores follow-ups; saves are upserts by id, and an id of another user is rejected. */
public interface FollowUpStore {

  void save(FollowUp followUp);

  Optional<FollowUp> find(UserId userId, FollowUpId followUpId);

  /** The user's SCHEDULED follow-ups due at or before {@code at}, earliest due first. */
  List<FollowUp> due(UserId userId, Instant at, int limit);

  /** All of the user's follow-ups, earliest due first. */
  List<FollowUp> list(UserId userId);

  /** Removes every follow-up of this user, and nothing of anyone else. */
  void deleteAllOf(UserId userId);
}
