package dev.coachkit.domain.plan;

import dev.coachkit.domain.coaching.JsonFields;
import dev.coachkit.domain.coaching.JsonSchemas;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Workout parameters as far as the model could extract them (empty = not stated), and the rules that complete
 * them: stated values first, then the current plan, then the profile, then defaults. Limitations are the union of
 * what was stated and what the profile holds, so an injury is never dropped.
 */
record WorkoutParameterDraft(
    Optional<TrainingGoal> goal,
    Optional<FitnessLevel> level,
    Optional<Integer> daysPerWeek,
    Optional<Integer> sessionMinutes,
    Optional<Integer> weeks,
    Optional<Set<Equipment>> equipment,
    Set<Limitation> limitations) {

  static final TrainingGoal DEFAULT_GOAL = TrainingGoal.GENERAL_FITNESS;
  static final FitnessLevel DEFAULT_LEVEL = FitnessLevel.BEGINNER;
  static final int DEFAULT_DAYS = 3;
  static final int DEFAULT_MINUTES = 45;
  static final int DEFAULT_WEEKS = 4;

  static final String INSTRUCTIONS = String.join("\n",
      "You extract the parameters of a workout plan for a deterministic plan engine; you do not write the plan.",
      "Read the profile, the current plan, the latest check-in and the conversation.",
      "Return only what the user asked for or stated. Use null for anything not stated: the engine fills it from",
      "the current plan and the profile. Never invent equipment or injuries.",
      "List under limitations every injury, pain or condition the user mentions (pregnancy included).",
      "equipment is everything available besides body weight; use null if the user did not say.",
      "When regenerating from a check-in: low adherence, lack of time or fatigue suggest fewer or shorter sessions;",
      "a plan reported as too easy may move up a level. Otherwise keep the current plan's values (null).",
      "Ranges the engine accepts: daysPerWeek 1-7, sessionMinutes 20-180, weeks 1-16.");

  static ResponseSchema schema() {
    Map<String, JsonObject> properties = new LinkedHashMap<>();
    properties.put("goal", JsonSchemas.nullableEnum(TrainingGoal.class, "what the plan trains for"));
    properties.put("level", JsonSchemas.nullableEnum(FitnessLevel.class, "the trainee's experience"));
    properties.put("daysPerWeek", JsonSchemas.nullableInteger("training sessions per week, 1-7"));
    properties.put("sessionMinutes", JsonSchemas.nullableInteger("minutes per session, 20-180"));
    properties.put("weeks", JsonSchemas.nullableInteger("length of the plan in weeks, 1-16"));
    properties.put("equipment", JsonSchemas.nullableEnumArray(Equipment.class, "available equipment"));
    properties.put("limitations", JsonSchemas.nullableEnumArray(Limitation.class, "injuries and conditions"));
    return new ResponseSchema("workout_plan_parameters", JsonSchemas.object(properties));
  }

  /** The draft in the answer, or the problems that make the answer unusable. */
  static Read read(JsonObject answer) {
    JsonFields fields = new JsonFields(answer);
    WorkoutParameterDraft draft = new WorkoutParameterDraft(
        fields.enumValue("goal", TrainingGoal.class),
        fields.enumValue("level", FitnessLevel.class),
        fields.integer("daysPerWeek"),
        fields.integer("sessionMinutes"),
        fields.integer("weeks"),
        fields.enumSet("equipment", Equipment.class),
        fields.enumSet("limitations", Limitation.class).orElse(Set.of()));
    return new Read(draft, fields.problems());
  }

  record Read(WorkoutParameterDraft draft, List<String> problems) {}

  /** Complete parameters and the notes that explain where values came from. */
  record Completed(WorkoutPlanParameters parameters, List<String> notes) {}

  Completed complete(Optional<CoachProfile> profile, Optional<Plan> active) {
    Optional<WorkoutPlan> current = active.map(Plan::body)
        .filter(WorkoutPlan.class::isInstance).map(WorkoutPlan.class::cast);
    List<String> notes = new ArrayList<>();
    ProfileNormaliser.Normalised<Equipment> profileEquipment =
        ProfileNormaliser.equipment(profile.map(CoachProfile::equipment).orElse(List.of()));
    ProfileNormaliser.Normalised<Limitation> profileLimitations =
        ProfileNormaliser.limitations(profile.map(CoachProfile::injuries).orElse(List.of()));

    FitnessLevel chosenLevel = level.or(() -> current.map(WorkoutPlan::level))
        .or(() -> profile.flatMap(CoachProfile::fitnessLevel)).orElse(DEFAULT_LEVEL);
    Set<Equipment> chosenEquipment = equipment.orElseGet(() -> {
      if (profileEquipment.unrecognised().size() > 0) {
        notes.add("Equipment in your profile not recognised, so not used: "
            + String.join(", ", profileEquipment.unrecognised()) + ".");
      }
      return profileEquipment.values();
    });
    Set<Limitation> chosenLimitations = new TreeSet<>(limitations);
    chosenLimitations.addAll(profileLimitations.values());
    if (!profileLimitations.unrecognised().isEmpty()) {
      notes.add("Injuries in your profile the plan engine does not recognise, so no exercise was left out for them: "
          + String.join(", ", profileLimitations.unrecognised())
          + ". Check with your coach or a physiotherapist before training around them.");
    }
    WorkoutPlanParameters parameters = new WorkoutPlanParameters(
        goal.or(() -> current.map(WorkoutPlan::goal)).orElse(DEFAULT_GOAL),
        chosenLevel,
        daysPerWeek.or(() -> current.map(WorkoutPlan::daysPerWeek)).orElse(DEFAULT_DAYS),
        sessionMinutes.or(() -> current.map(WorkoutPlan::sessionMinutes)).orElse(DEFAULT_MINUTES),
        weeks.or(() -> current.map(p -> p.weeks().size())).orElse(DEFAULT_WEEKS),
        chosenEquipment,
        chosenLimitations);
    return new Completed(parameters, notes);
  }

  /** Explicit parameters with the profile's recognised limitations added. */
  static Completed completeExplicit(WorkoutPlanParameters explicit, Optional<CoachProfile> profile) {
    ProfileNormaliser.Normalised<Limitation> profileLimitations =
        ProfileNormaliser.limitations(profile.map(CoachProfile::injuries).orElse(List.of()));
    Set<Limitation> limitations = new TreeSet<>(explicit.limitations());
    limitations.addAll(profileLimitations.values());
    List<String> notes = new ArrayList<>();
    Set<Limitation> added = new TreeSet<>(limitations);
    added.removeAll(explicit.limitations());
    if (!added.isEmpty()) {
      notes.add("Limitations from your profile were respected as well: " + added + ".");
    }
    if (!profileLimitations.unrecognised().isEmpty()) {
      notes.add("Injuries in your profile the plan engine does not recognise, so no exercise was left out for them: "
          + String.join(", ", profileLimitations.unrecognised())
          + ". Check with your coach or a physiotherapist before training around them.");
    }
    return new Completed(new WorkoutPlanParameters(explicit.goal(), explicit.level(), explicit.daysPerWeek(),
        explicit.sessionMinutes(), explicit.weeks(), explicit.equipment(), limitations), notes);
  }

  /** The current plan's parameters as the extraction prompt shows them. */
  static String describe(Plan plan) {
    if (!(plan.body() instanceof WorkoutPlan body)) {
      return "(none)";
    }
    return "version " + plan.version() + ": goal " + body.goal() + ", level " + body.level() + ", "
        + body.daysPerWeek() + " days a week, " + body.sessionMinutes() + " minutes a session, "
        + body.weeks().size() + " weeks, split " + body.split();
  }
}
