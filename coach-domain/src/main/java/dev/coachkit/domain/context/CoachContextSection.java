package dev.coachkit.domain.context;

/**
 * The sections of the coach context, declared in priority order: when the context is over its token budget the
 * section declared last is dropped first (progress trend, then nutrition, workouts, last check-in, active plans,
 * goals). The profile is never dropped: it carries injuries and allergies; it is cut short only if it alone is
 * over the budget.
 */
public enum CoachContextSection {
  PROFILE("Profile"),
  GOALS("Goals"),
  ACTIVE_PLANS("Active plans"),
  LAST_CHECK_IN("Last check-in"),
  RECENT_WORKOUTS("Workouts in the last 7 days"),
  NUTRITION("Nutrition in the last 7 days"),
  PROGRESS("Progress trend");

  private final String title;

  CoachContextSection(String title) {
    this.title = title;
  }

  /** The section heading as written into the instructions. */
  public String title() {
    return title;
  }
}
