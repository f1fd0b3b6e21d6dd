package dev.coachkit.domain.coaching;

import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text descriptions of a profile and a check-in, for extraction prompts and plan notes. */
public final class CoachFacts {
  private CoachFacts() {}

  /** The profile as "field: value" lines; unknown fields are left out. */
  public static String describe(CoachProfile profile, Clock clock) {
    List<String> lines = new ArrayList<>();
    profile.birthYear().ifPresent(y -> lines.add("age: " + Calendar.ageThisYear(y, clock)));
    profile.sex().ifPresent(s -> lines.add("sex: " + s.name().toLowerCase(Locale.ROOT)));
    profile.heightCm().ifPresent(h -> lines.add("height: " + h + " cm"));
    profile.weightKg().ifPresent(w -> lines.add("weight: " + w + " kg"));
    profile.fitnessLevel().ifPresent(f -> lines.add("fitness level: " + f));
    profile.activityLevel().ifPresent(a -> lines.add("activity level: " + a));
    list(lines, "injuries or limitations", profile.injuries());
    list(lines, "equipment", profile.equipment());
    list(lines, "dietary preferences", profile.dietaryPreferences());
    list(lines, "allergies", profile.allergies());
    lines.add("language: " + profile.language().toLanguageTag());
    return String.join("\n", lines);
  }

  /** The check-in as a few lines: period, adherence, wins, obstacles, preferences, mood, energy, questions. */
  public static String describe(CheckInSummary summary) {
    List<String> lines = new ArrayList<>();
    lines.add("period: " + summary.periodStart() + " to " + summary.periodEnd());
    summary.adherencePercent().ifPresent(a -> lines.add("adherence: " + a + " %"));
    list(lines, "wins", summary.wins());
    list(lines, "obstacles", summary.obstacles());
    list(lines, "preferences", summary.preferences());
    summary.mood().ifPresent(m -> lines.add("mood (as reported): " + m));
    summary.energy().ifPresent(e -> lines.add("energy (as reported): " + e));
    list(lines, "open questions", summary.openQuestions());
    return String.join("\n", lines);
  }

  /** One sentence for a plan's notes saying which check-in the plan takes into account. */
  public static String planNote(CheckInSummary summary) {
    StringBuilder note = new StringBuilder("Takes into account the check-in of ")
        .append(summary.periodStart()).append(" to ").append(summary.periodEnd());
    List<String> parts = new ArrayList<>();
    summary.adherencePercent().ifPresent(a -> parts.add("adherence " + a + " %"));
    if (!summary.obstacles().isEmpty()) {
      parts.add("obstacles: " + String.join("; ", summary.obstacles()));
    }
    if (!summary.preferences().isEmpty()) {
      parts.add("preferences: " + String.join("; ", summary.preferences()));
    }
    if (!parts.isEmpty()) {
      note.append(" (").append(String.join(", ", parts)).append(')');
    }
    return note.append('.').toString();
  }

  private static void list(List<String> lines, String label, List<String> values) {
    if (!values.isEmpty()) {
      lines.add(label + ": " + String.join(", ", values));
    }
  }
}
