package dev.coachkit.domain.context;

import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Condenses what the coach knows about a user into the context part of the instructions, within a token budget.
 *
 * <p>Sections come in the order of {@link CoachContextSection}. When the text is over the budget (estimated by
 * the {@link TokenEstimator}), whole sections are dropped from the lowest priority up: progress trend first,
 * then nutrition, recent workouts, last check-in, active plans and goals; the text then names what was left
 * out. The profile is never dropped; if it alone is over the budget it is cut short. The output depends only on
 * the knowledge, the budget and the zone, so the same input always gives the same text.
 */
public final class CoachContextBuilder {
  /** Default budget for the context part of the instructions, in estimated tokens. */
  public static final int DEFAULT_TOKEN_BUDGET = 1_500;
  /** The smallest budget accepted. */
  public static final int MIN_TOKEN_BUDGET = 50;

  private static final int MAX_LINES_PER_LIST = 7;

  private final TokenEstimator estimator;
  private final int tokenBudget;
  private final ZoneId zone;

  /**
   * @param estimator how tokens are estimated
   * @param tokenBudget the most estimated tokens the context may take (at least {@value #MIN_TOKEN_BUDGET})
   * @param zone the zone in which "today" and dates are read
   */
  public CoachContextBuilder(TokenEstimator estimator, int tokenBudget, ZoneId zone) {
    this.estimator = Objects.requireNonNull(estimator, "estimator must not be null");
    if (tokenBudget < MIN_TOKEN_BUDGET) {
      throw new IllegalArgumentException("tokenBudget must be at least " + MIN_TOKEN_BUDGET + ", was " + tokenBudget);
    }
    this.tokenBudget = tokenBudget;
    this.zone = Objects.requireNonNull(zone, "zone must not be null");
  }

  /** The context for this knowledge. */
  public CoachContext build(CoachKnowledge knowledge) {
    Objects.requireNonNull(knowledge, "knowledge must not be null");
    LocalDate today = knowledge.asOf().atZone(zone).toLocalDate();
    Map<CoachContextSection, String> sections = new EnumMap<>(CoachContextSection.class);
    sections.put(CoachContextSection.PROFILE, profile(knowledge, today));
    sections.put(CoachContextSection.GOALS, goals(knowledge.activeGoals()));
    sections.put(CoachContextSection.ACTIVE_PLANS, plans(knowledge.activePlans()));
    sections.put(CoachContextSection.LAST_CHECK_IN, checkIn(knowledge));
    sections.put(CoachContextSection.RECENT_WORKOUTS, workouts(knowledge.recentWorkouts(), today));
    sections.put(CoachContextSection.NUTRITION, nutrition(knowledge.recentNutrition(), today));
    sections.put(CoachContextSection.PROGRESS, progress(knowledge.recentProgress()));

    String header = "# What you know about the user (as of " + today + ")";
    List<CoachContextSection> included = new ArrayList<>(sections.keySet());
    List<CoachContextSection> dropped = new ArrayList<>();
    String text = assemble(header, sections, included, dropped);
    while (estimator.estimate(text) > tokenBudget && included.size() > 1) {
      dropped.add(0, included.remove(included.size() - 1));
      text = assemble(header, sections, included, dropped);
    }
    if (estimator.estimate(text) > tokenBudget) {
      text = text.substring(0, estimator.maxChars(tokenBudget) - 1) + "…";
    }
    return new CoachContext(text, estimator.estimate(text), included, dropped);
  }

  private static String assemble(String header, Map<CoachContextSection, String> sections,
      List<CoachContextSection> included, List<CoachContextSection> dropped) {
    StringBuilder out = new StringBuilder(header);
    for (CoachContextSection section : included) {
      out.append("\n\n## ").append(section.title()).append('\n').append(sections.get(section));
    }
    if (!dropped.isEmpty()) {
      out.append("\n\nLeft out to stay brief: ")
          .append(dropped.stream().map(s -> s.title().toLowerCase(Locale.ROOT)).collect(Collectors.joining("; ")))
          .append(". Call get_user_progress when you need them.");
    }
    return out.toString();
  }

  private static String profile(CoachKnowledge knowledge, LocalDate today) {
    if (knowledge.profile().isEmpty()) {
      return "No profile yet. Ask for the basics (goal, experience, equipment, injuries) before making a plan.";
    }
    CoachProfile p = knowledge.profile().get();
    List<String> lines = new ArrayList<>();
    p.name().ifPresent(n -> lines.add("- Name: " + n));
    p.birthYear().ifPresent(y -> lines.add("- Age: about " + (today.getYear() - y) + " (born " + y + ")"));
    p.sex().ifPresent(s -> lines.add("- Sex: " + words(s)));
    p.heightCm().ifPresent(h -> lines.add("- Height: " + number(h) + " cm"));
    p.weightKg().ifPresent(w -> lines.add("- Weight: " + number(w) + " kg"));
    p.fitnessLevel().ifPresent(f -> lines.add("- Fitness level: " + words(f)));
    p.activityLevel().ifPresent(a -> lines.add("- Activity outside training: " + words(a)));
    lines.add("- Injuries and limitations: " + listOrNone(p.injuries()));
    lines.add("- Equipment: " + listOrNone(p.equipment()));
    lines.add("- Dietary preferences: " + listOrNone(p.dietaryPreferences()));
    lines.add("- Allergies: " + listOrNone(p.allergies()));
    lines.add("- Language: " + p.language().toLanguageTag());
    lines.add("- Prefers: " + words(p.preferredMode()));
    return String.join("\n", lines);
  }

  private static String goals(List<Goal> goals) {
    if (goals.isEmpty()) {
      return "None set.";
    }
    return goals.stream()
        .sorted(Comparator.comparing(Goal::createdAt).thenComparing(g -> g.id().value()))
        .limit(MAX_LINES_PER_LIST)
        .map(CoachContextBuilder::goal)
        .collect(Collectors.joining("\n"));
  }

  private static String goal(Goal g) {
    List<String> target = new ArrayList<>();
    if (g.metric().isPresent() && g.targetValue().isPresent()) {
      target.add(g.metric().get() + " " + number(g.targetValue().get()) + g.unit().map(u -> " " + u).orElse(""));
    }
    g.targetDate().ifPresent(d -> target.add("by " + d));
    return "- " + g.description() + (target.isEmpty() ? "" : " (target: " + String.join(" ", target) + ")");
  }

  private String plans(List<Plan> plans) {
    if (plans.isEmpty()) {
      return "None yet.";
    }
    return plans.stream()
        .sorted(Comparator.comparing(Plan::kind).thenComparing(Plan::version))
        .map(this::plan)
        .collect(Collectors.joining("\n"));
  }

  private String plan(Plan plan) {
    String since = " since " + plan.createdAt().atZone(zone).toLocalDate() + ": ";
    if (plan.body() instanceof WorkoutPlan w) {
      return "- Workout plan v" + plan.version() + since + words(w.goal()) + ", " + words(w.level()) + ", "
          + count(w.daysPerWeek(), "day") + " a week (" + words(w.split()) + "), " + w.sessionMinutes()
          + "-minute sessions, " + count(w.weeks().size(), "week");
    }
    NutritionPlan n = (NutritionPlan) plan.body();
    return "- Nutrition plan v" + plan.version() + since + n.targetKcal() + " kcal a day (protein " + n.proteinG()
        + " g, fat " + n.fatG() + " g, carbs " + n.carbsG() + " g), " + n.mealsPerDay() + " meals, "
        + words(n.goal());
  }

  private static String checkIn(CoachKnowledge knowledge) {
    if (knowledge.lastCheckIn().isEmpty()) {
      return "None yet.";
    }
    CheckInSummary c = knowledge.lastCheckIn().get();
    List<String> lines = new ArrayList<>();
    lines.add("Period " + c.periodStart() + " to " + c.periodEnd() + "."
        + c.adherencePercent().map(a -> " Adherence " + a + " %.").orElse(""));
    addList(lines, "Wins", c.wins());
    addList(lines, "Obstacles", c.obstacles());
    addList(lines, "Preferences", c.preferences());
    c.mood().ifPresent(m -> lines.add("- Mood: " + m));
    c.energy().ifPresent(e -> lines.add("- Energy: " + e));
    addList(lines, "Open questions", c.openQuestions());
    return String.join("\n", lines);
  }

  private static void addList(List<String> lines, String label, List<String> values) {
    if (!values.isEmpty()) {
      lines.add("- " + label + ": " + String.join("; ", values));
    }
  }

  private static String workouts(List<WorkoutLog> all, LocalDate today) {
    LocalDate from = today.minusDays(6);
    List<WorkoutLog> week = all.stream()
        .filter(w -> !w.date().isBefore(from) && !w.date().isAfter(today))
        .sorted(Comparator.comparing(WorkoutLog::date).reversed().thenComparing(w -> w.id().value()))
        .collect(Collectors.toList());
    if (week.isEmpty()) {
      return "None logged.";
    }
    int minutes = week.stream().mapToInt(WorkoutLog::durationMinutes).sum();
    List<Integer> efforts = week.stream().flatMap(w -> w.perceivedExertion().stream()).collect(Collectors.toList());
    StringBuilder out = new StringBuilder();
    out.append(week.size()).append(week.size() == 1 ? " workout, " : " workouts, ").append(minutes)
        .append(" minutes in total");
    if (!efforts.isEmpty()) {
      double average = efforts.stream().mapToInt(Integer::intValue).average().orElse(0);
      out.append(", average effort ").append(number(average)).append("/10");
    }
    out.append('.');
    week.stream().limit(MAX_LINES_PER_LIST).forEach(w -> out.append('\n').append(workout(w)));
    return out.toString();
  }

  private static String workout(WorkoutLog w) {
    StringBuilder line = new StringBuilder("- ").append(w.date()).append(": ").append(w.activity()).append(", ")
        .append(w.durationMinutes()).append(" min");
    w.perceivedExertion().ifPresent(r -> line.append(", effort ").append(r).append("/10"));
    if (!w.exercises().isEmpty()) {
      line.append("; ").append(w.exercises().stream().limit(5).map(CoachContextBuilder::exercise)
          .collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  private static String exercise(LoggedExercise e) {
    return e.name() + " " + e.sets() + "x" + e.reps() + e.weightKg().map(w -> " at " + number(w) + " kg").orElse("");
  }

  private static String nutrition(List<NutritionDay> all, LocalDate today) {
    LocalDate from = today.minusDays(6);
    List<NutritionDay> week = all.stream()
        .filter(d -> !d.date().isBefore(from) && !d.date().isAfter(today))
        .sorted(Comparator.comparing(NutritionDay::date))
        .collect(Collectors.toList());
    if (week.isEmpty()) {
      return "None logged.";
    }
    StringBuilder out = new StringBuilder();
    out.append(week.size()).append(week.size() == 1 ? " day logged: " : " days logged: ")
        .append("average adherence ").append(number(average(week, d -> d.adherencePercent()))).append(" %, ")
        .append(number(average(week, NutritionDay::calories))).append(" kcal, protein ")
        .append(number(average(week, NutritionDay::proteinG))).append(" g, carbs ")
        .append(number(average(week, NutritionDay::carbsG))).append(" g, fat ")
        .append(number(average(week, NutritionDay::fatG))).append(" g a day.");
    for (NutritionDay d : week) {
      out.append("\n- ").append(d.date()).append(": ").append(d.calories()).append(" kcal, adherence ")
          .append(d.adherencePercent()).append(" %");
    }
    return out.toString();
  }

  private static double average(List<NutritionDay> days, java.util.function.ToDoubleFunction<NutritionDay> f) {
    return days.stream().mapToDouble(f).average().orElse(0);
  }

  private String progress(List<ProgressMeasurement> all) {
    if (all.isEmpty()) {
      return "No measurements yet.";
    }
    Map<String, List<ProgressMeasurement>> byMetric = new TreeMap<>();
    for (ProgressMeasurement m : all) {
      byMetric.computeIfAbsent(m.metric(), k -> new ArrayList<>()).add(m);
    }
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, List<ProgressMeasurement>> entry : byMetric.entrySet()) {
      List<ProgressMeasurement> ms = entry.getValue().stream()
          .sorted(Comparator.comparing(ProgressMeasurement::measuredAt).thenComparing(m -> m.id().value()))
          .collect(Collectors.toList());
      ProgressMeasurement first = ms.get(0);
      ProgressMeasurement last = ms.get(ms.size() - 1);
      if (ms.size() == 1) {
        lines.add("- " + entry.getKey() + ": " + number(last.value()) + " " + last.unit() + " on " + date(last));
      } else {
        double change = last.value() - first.value();
        lines.add("- " + entry.getKey() + ": " + number(first.value()) + " " + first.unit() + " (" + date(first)
            + ") to " + number(last.value()) + " " + last.unit() + " (" + date(last) + "), change "
            + (change > 0 ? "+" : "") + number(change) + " " + last.unit() + " over " + ms.size()
            + " measurements");
      }
    }
    return String.join("\n", lines);
  }

  private LocalDate date(ProgressMeasurement m) {
    return m.measuredAt().atZone(zone).toLocalDate();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String listOrNone(List<String> values) {
    return values.isEmpty() ? "none stated" : String.join(", ", values);
  }

  /** An enum constant as lower-case words: MODERATELY_ACTIVE is "moderately active". */
  static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A number with at most one decimal, without trailing zeros, locale-independent: 64.5, 168, -1.5. */
  static String number(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }
}
