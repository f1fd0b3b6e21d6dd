package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.coaching.CoachDataWindow;
import dev.coachkit.ports.model.coaching.RecentCoachData;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The coach data the turn-start read last read of each user, with the version of the user's coach data it was read at
 * (ADR-0028): a later read that finds the same version uses it instead of reading the data again.
 *
 * <p>An entry holds the records from a window's start on, also those after its end, so that it serves every later
 * window whose starts are not before its own: {@link #dataIn} keeps the records of the window asked for. Bounded:
 * when full, a put first drops about a tenth of the entries, whichever the map yields first.
 */
public final class CoachDataCache {
  /** The version of a user who has no coach data: the database has no row for them. */
  public static final long NO_DATA = 0;

  /** What was read: {@code data} from {@code from}'s starts on, at {@code version}. */
  public record Entry(long version, CoachDataWindow from, RecentCoachData data) {
    public Entry {
      Require.nonNull(from, "from");
      Require.nonNull(data, "data");
    }

    /** Whether this entry holds every record of {@code window}: its starts are not before this entry's. */
    public boolean covers(CoachDataWindow window) {
      return !window.workoutsFrom().isBefore(from.workoutsFrom())
          && !window.nutritionFrom().isBefore(from.nutritionFrom())
          && !window.measuredFrom().isBefore(from.measuredFrom());
    }
  }

  private final ConcurrentMap<UserId, Entry> entries = new ConcurrentHashMap<>();
  private final int capacity;

  /** A cache of at most {@code capacity} users (at least 1). */
  public CoachDataCache(int capacity) {
    this.capacity = (int) Require.inRange(capacity, "capacity", 1, Integer.MAX_VALUE);
  }

  /** The entry of {@code user} if there is one that covers {@code window}, else null. */
  public Entry find(UserId user, CoachDataWindow window) {
    Entry entry = entries.get(user);
    return entry != null && entry.covers(window) ? entry : null;
  }

  /** Keeps {@code entry} for {@code user}, in place of any earlier one. */
  public void put(UserId user, Entry entry) {
    if (entries.size() >= capacity && !entries.containsKey(user)) {
      int drop = Math.max(1, capacity / 10);
      for (Iterator<UserId> users = entries.keySet().iterator(); users.hasNext() && drop > 0; drop--) {
        users.next();
        users.remove();
      }
    }
    entries.put(user, entry);
  }

  /** How many users have an entry. */
  public int size() {
    return entries.size();
  }

  /**
   * The records of {@code data} that {@code window} covers, in their order: workouts and nutrition days dated up to
   * its end, measurements taken before its end, from its starts on. The profile, goals, check-in and plans as they
   * are.
   */
  public static RecentCoachData dataIn(RecentCoachData data, CoachDataWindow window) {
    if (data.workouts().isEmpty() && data.nutritionDays().isEmpty() && data.measurements().isEmpty()) {
      return data;
    }
    return new RecentCoachData(
        data.profile(),
        data.workouts().stream()
            .filter(w -> !w.date().isBefore(window.workoutsFrom()) && !w.date().isAfter(window.through()))
            .toList(),
        data.nutritionDays().stream()
            .filter(n -> !n.date().isBefore(window.nutritionFrom()) && !n.date().isAfter(window.through()))
            .toList(),
        data.measurements().stream()
            .filter(m -> !m.measuredAt().isBefore(window.measuredFrom())
                && m.measuredAt().isBefore(window.measuredBefore()))
            .toList(),
        data.activeGoals(),
        data.latestCheckIn(),
        data.activePlans());
  }
}
