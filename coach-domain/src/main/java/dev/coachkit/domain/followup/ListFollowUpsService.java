package dev.coachkit.domain.followup;

import dev.coachkit.ports.in.followup.ListFollowUpsQuery;
import dev.coachkit.ports.in.followup.ListFollowUpsUseCase;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.out.followup.FollowUpStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Lists a user's follow-ups, earliest due first: all of them, or the scheduled ones due by the clock's now. */
public final class ListFollowUpsService implements ListFollowUpsUseCase {
  /** The most due follow-ups returned at once. */
  public static final int MAX_DUE = 100;

  private final FollowUpStore followUps;
  private final Clock clock;

  public ListFollowUpsService(FollowUpStore followUps, Clock clock) {
    this.followUps = Objects.requireNonNull(followUps, "followUps must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public List<FollowUp> list(ListFollowUpsQuery query) {
    if (query.dueOnly()) {
      return followUps.due(query.userId(), clock.instant(), MAX_DUE);
    }
    return followUps.list(query.userId());
  }
}
