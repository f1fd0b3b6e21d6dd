package dev.coachkit.domain.tool;

import static dev.coachkit.domain.tool.Schemas.integer;
import static dev.coachkit.domain.tool.Schemas.object;
import static dev.coachkit.domain.tool.Schemas.prop;

import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonNumber;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.plan.Plan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code get_user_progress}: the user's workouts, nutrition adherence and measurements over the last days (as far
 * back as the coach's knowledge reaches), with active goals and plans.
 */
final class GetUserProgressTool implements CoachTool {
  static final String NAME = "get_user_progress";
  static final int DEFAULT_DAYS = 7;

  private final GetCoachKnowledgeUseCase knowledge;
  private final ToolSpec spec = new ToolSpec(NAME,
      "Get the user's recent progress: workouts, nutrition adherence, body measurements, goals and active plans.",
      object(prop("days", integer("How many days back to look; null for 7", 1, 90, true))));

  GetUserProgressTool(GetCoachKnowledgeUseCase knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public JsonObject run(ToolArguments args, ToolInvocation invocation) {
    int days = args.optionalInt("days", 1, 90).orElse(DEFAULT_DAYS);
    CoachKnowledge k = knowledge.get(new GetCoachKnowledgeQuery(invocation.userId()));
    LocalDate today = k.asOf().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate from = today.minusDays(days - 1L);
    Instant fromInstant = from.atStartOfDay(ZoneOffset.UTC).toInstant();

    List<WorkoutLog> workouts = k.recentWorkouts().stream().filter(w -> !w.date().isBefore(from))
        .sorted(Comparator.comparing(WorkoutLog::date)).collect(Collectors.toList());
    List<JsonValue> workoutList = new ArrayList<>();
    for (WorkoutLog w : workouts) {
      JsonObject.Builder b = JsonObject.builder().put("date", w.date().toString()).put("activity", w.activity())
          .put("minutes", w.durationMinutes());
      w.perceivedExertion().ifPresent(r -> b.put("effort", r));
      workoutList.add(b.build());
    }
    List<NutritionDay> nutrition = k.recentNutrition().stream().filter(d -> !d.date().isBefore(from))
        .collect(Collectors.toList());
    JsonObject.Builder nutritionJson = JsonObject.builder().put("days_logged", nutrition.size());
    if (!nutrition.isEmpty()) {
      nutritionJson.put("average_adherence_percent",
          round(nutrition.stream().mapToInt(NutritionDay::adherencePercent).average().orElse(0)));
      nutritionJson.put("average_kcal", round(nutrition.stream().mapToInt(NutritionDay::calories).average()
          .orElse(0)));
    }
    Map<String, List<ProgressMeasurement>> byMetric = new TreeMap<>();
    k.recentProgress().stream().filter(m -> !m.measuredAt().isBefore(fromInstant))
        .sorted(Comparator.comparing(ProgressMeasurement::measuredAt))
        .forEach(m -> byMetric.computeIfAbsent(m.metric(), x -> new ArrayList<>()).add(m));
    List<JsonValue> measurements = new ArrayList<>();
    byMetric.forEach((metric, ms) -> {
      ProgressMeasurement first = ms.get(0);
      ProgressMeasurement last = ms.get(ms.size() - 1);
      measurements.add(JsonObject.builder().put("metric", metric).put("unit", last.unit())
          .put("first", round(first.value())).put("latest", round(last.value()))
          .put("change", round(last.value() - first.value())).put("count", ms.size()).build());
    });
    List<String> goals = k.activeGoals().stream().map(Goal::description).collect(Collectors.toList());
    List<JsonValue> plans = new ArrayList<>();
    for (Plan p : k.activePlans()) {
      plans.add(JsonObject.builder().put("plan_id", p.id().toString()).put("kind", Schemas.wire(p.kind()))
          .put("version", p.version()).put("created_at", p.createdAt().toString()).build());
    }
    return JsonObject.builder()
        .put("from", from.toString())
        .put("to", today.toString())
        .put("has_profile", k.profile().isPresent())
        .put("workouts", JsonObject.builder().put("count", workouts.size())
            .put("total_minutes", workouts.stream().mapToInt(WorkoutLog::durationMinutes).sum())
            .put("sessions", new JsonArray(workoutList)).build())
        .put("nutrition", nutritionJson.build())
        .put("measurements", new JsonArray(measurements))
        .put("active_goals", JsonArray.ofStrings(goals))
        .put("active_plans", new JsonArray(plans))
        .build();
  }

  private static JsonNumber round(double value) {
    return JsonNumber.of(Math.round(value * 10) / 10.0);
  }
}
