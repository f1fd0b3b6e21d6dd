package dev.coachkit.domain.coaching;

/**
 * How far back "what the coach knows" looks: days of workouts and of nutrition (today included), and days of
 * progress measurements.
 */
public record CoachKnowledgeWindows(int workoutDays, int nutritionDays, int progressDays) {
  public CoachKnowledgeWindows {
    positive(workoutDays, "workoutDays");
    positive(nutritionDays, "nutritionDays");
    positive(progressDays, "progressDays");
  }

  /** 7 days of workouts and nutrition, 30 days of progress. */
  public static CoachKnowledgeWindows standard() {
    return new CoachKnowledgeWindows(7, 7, 30);
  }

  private static void positive(int value, String field) {
    if (value < 1 || value > 366) {
      throw new IllegalArgumentException(field + " must be between 1 and 366, was " + value);
    }
  }
}
