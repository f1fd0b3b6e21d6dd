package dev.coachkit.domain.tool;

import dev.coachkit.domain.plan.ProfileNormaliser;
import static dev.coachkit.domain.tool.Schemas.enumArray;
import static dev.coachkit.domain.tool.Schemas.enumeration;
import static dev.coachkit.domain.tool.Schemas.integer;
import static dev.coachkit.domain.tool.Schemas.object;
import static dev.coachkit.domain.tool.Schemas.prop;
import static dev.coachkit.domain.tool.Schemas.string;

import dev.coachkit.domain.plan.exercise.Exercise;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.domain.plan.exercise.ExerciseQuery;
import dev.coachkit.domain.plan.exercise.MuscleGroup;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.model.json.JsonArray;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonString;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code search_exercises}: searches the exercise library; exercises contraindicated for the injuries in the
 * user's profile are never returned.
 */
final class SearchExercisesTool implements CoachTool {
  static final String NAME = "search_exercises";
  static final int DEFAULT_LIMIT = 8;

  private final ExerciseLibrary library;
  private final GetCoachKnowledgeUseCase knowledge;
  private final ToolSpec spec = new ToolSpec(NAME,
      "Search the exercise library by name words, muscle group, equipment and level. Exercises unsafe for the"
          + " user's injuries are left out.",
      object(
          prop("text", string("Words the exercise name must contain; null for any", true)),
          prop("muscle", enumeration("Muscle group trained; null for any", MuscleGroup.values(), true)),
          prop("equipment", enumArray("Equipment available; null for any", Equipment.values(), true)),
          prop("level", enumeration("Only exercises suitable at this level; null for any", FitnessLevel.values(),
              true)),
          prop("limit", integer("At most this many results; null for 8", 1, 20, true))));

  SearchExercisesTool(ExerciseLibrary library, GetCoachKnowledgeUseCase knowledge) {
    this.library = library;
    this.knowledge = knowledge;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public JsonObject run(ToolArguments args, ToolInvocation invocation) {
    ExerciseQuery query = ExerciseQuery.any().withLimit(args.optionalInt("limit", 1, 20).orElse(DEFAULT_LIMIT));
    query = args.optionalString("text", 100).map(query::withText).orElse(query);
    query = args.optionalEnum("muscle", MuscleGroup.class).map(query::withMuscle).orElse(query);
    query = args.optionalEnumSet("equipment", Equipment.class).map(query::withEquipment).orElse(query);
    query = args.optionalEnum("level", FitnessLevel.class).map(query::withLevel).orElse(query);
    Set<Limitation> avoid = knowledge.get(new GetCoachKnowledgeQuery(invocation.userId())).profile()
        .map(p -> ProfileNormaliser.limitations(p.injuries()).values()).orElse(Set.of());
    List<JsonValue> found = new ArrayList<>();
    for (Exercise e : library.search(query.avoiding(avoid))) {
      List<String> muscles = new ArrayList<>();
      e.primaryMuscles().forEach(m -> muscles.add(Schemas.wire(m)));
      List<String> equipment = new ArrayList<>();
      e.equipment().forEach(q -> equipment.add(Schemas.wire(q)));
      found.add(JsonObject.builder().put("id", e.id()).put("name", e.name())
          .put("muscles", JsonArray.ofStrings(muscles)).put("equipment", JsonArray.ofStrings(equipment))
          .put("level", Schemas.wire(e.level())).build());
    }
    List<JsonValue> avoided = new ArrayList<>();
    avoid.forEach(l -> avoided.add(new JsonString(Schemas.wire(l))));
    return JsonObject.builder().put("exercises", new JsonArray(found)).put("avoided_for", new JsonArray(avoided))
        .build();
  }
}
