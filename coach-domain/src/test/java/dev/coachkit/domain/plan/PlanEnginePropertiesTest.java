package dev.coachkit.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.plan.exercise.Exercise;
import dev.coachkit.domain.plan.exercise.ExerciseLibrary;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.NutritionGoal;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.PlanWeek;
import dev.coachkit.ports.model.plan.PrescribedExercise;
import dev.coachkit.ports.model.plan.TrainingGoal;
import dev.coachkit.ports.model.plan.WorkoutDay;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.WorkoutPlanParameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.Set;

/**
 * Properties of the plan engine over random valid parameters.
 *
 * <p>Each property runs over a few hundred parameter sets drawn from a seeded {@link Random}, so a failure names
 * its sample and reproduces on every run (see ADR 0008 for why this is plain JUnit rather than a property-testing
 * library).
 */
class PlanEnginePropertiesTest {

  private static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();
  private static final PlanValidator VALIDATOR = new PlanValidator(LIBRARY);
  private static final WorkoutPlanner WORKOUTS = new WorkoutPlanner(LIBRARY, VALIDATOR);
  private static final NutritionPlanner NUTRITION = new NutritionPlanner(VALIDATOR);

  // ------------------------------------------------------------------ workout

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("workoutParameters")
  void givenValidWorkoutParameters_plan_isPlannedAndPassesTheValidator(
      WorkoutPlanParameters parameters) {
    PlanningResult<WorkoutPlan> result = WORKOUTS.plan(parameters);

    if (result instanceof PlanningResult.Refused) {
      // the only acceptable refusal for valid parameters: limitations and equipment leave a session empty
      assertThat(((PlanningResult.Refused<WorkoutPlan>) result).refusal().reasons())
          .allSatisfy(reason -> assertThat(reason).startsWith("no exercise fits day"));
      return;
    }
    WorkoutPlan plan = ((PlanningResult.Planned<WorkoutPlan>) result).body();
    assertThat(VALIDATOR.planProblems(parameters, plan)).isEmpty();
    assertThat(plan.weeks()).hasSize(parameters.weeks());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("workoutParameters")
  void givenTwoOrFewerLimitationsAndHalfHourSessions_plan_isAlwaysPlanned(
      WorkoutPlanParameters random) {
    List<Limitation> limitations = new ArrayList<>(random.limitations());
    WorkoutPlanParameters parameters = new WorkoutPlanParameters(random.goal(), random.level(),
        random.daysPerWeek(), Math.max(30, random.sessionMinutes()), random.weeks(), random.equipment(),
        new LinkedHashSet<>(limitations.subList(0, Math.min(2, limitations.size()))));

    assertThat(WORKOUTS.plan(parameters).isPlanned()).as(parameters.toString()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("workoutParameters")
  void givenAnyLimitations_plan_neverContainsAContraindicatedExercise(
      WorkoutPlanParameters parameters) {
    PlanningResult<WorkoutPlan> result = WORKOUTS.plan(parameters);
    if (!(result instanceof PlanningResult.Planned)) {
      return;
    }
    for (PrescribedExercise prescribed : exercises(((PlanningResult.Planned<WorkoutPlan>) result).body())) {
      Exercise exercise = LIBRARY.find(prescribed.exerciseId()).orElseThrow();
      assertThat(Collections.disjoint(exercise.contraindications(), parameters.limitations()))
          .as("%s for %s", exercise.id(), parameters.limitations()).isTrue();
      assertThat(exercise.usableWith(parameters.equipment())).isTrue();
      assertThat(exercise.suits(parameters.level())).isTrue();
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("workoutParameters")
  void givenAnyWorkoutPlan_plan_keepsEverySessionWithinItsMinutes(
      WorkoutPlanParameters parameters) {
    PlanningResult<WorkoutPlan> result = WORKOUTS.plan(parameters);
    if (!(result instanceof PlanningResult.Planned)) {
      return;
    }
    for (PlanWeek week : ((PlanningResult.Planned<WorkoutPlan>) result).body().weeks()) {
      for (WorkoutDay day : week.days()) {
        assertThat(SessionTime.minutes(day)).isLessThanOrEqualTo(parameters.sessionMinutes());
      }
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("workoutParameters")
  void givenSameWorkoutParameters_plan_isIdenticalAcrossPlannersAndSetOrder(
      WorkoutPlanParameters parameters) {
    List<Equipment> equipment = new ArrayList<>(parameters.equipment());
    Collections.reverse(equipment);
    List<Limitation> limitations = new ArrayList<>(parameters.limitations());
    Collections.reverse(limitations);
    WorkoutPlanParameters reordered = new WorkoutPlanParameters(parameters.goal(), parameters.level(),
        parameters.daysPerWeek(), parameters.sessionMinutes(), parameters.weeks(), new LinkedHashSet<>(equipment),
        new LinkedHashSet<>(limitations));
    ExerciseLibrary freshLibrary = ExerciseLibrary.builtIn();
    WorkoutPlanner fresh = new WorkoutPlanner(freshLibrary, new PlanValidator(freshLibrary));

    assertThat(fresh.plan(reordered)).isEqualTo(WORKOUTS.plan(parameters));
  }

  static final int WORKOUT_SAMPLES = 400;
  static final int NUTRITION_SAMPLES = 1000;

  static Stream<WorkoutPlanParameters> workoutParameters() {
    return samples(0x5EED_0001L, WORKOUT_SAMPLES, random -> new WorkoutPlanParameters(
        oneOf(random, TrainingGoal.class),
        oneOf(random, FitnessLevel.class),
        between(random, PlanValidator.MIN_DAYS_PER_WEEK, PlanValidator.MAX_DAYS_PER_WEEK),
        between(random, PlanValidator.MIN_SESSION_MINUTES, PlanValidator.MAX_SESSION_MINUTES),
        between(random, PlanValidator.MIN_WEEKS, PlanValidator.MAX_WEEKS),
        subsetOf(random, Equipment.class),
        subsetOf(random, Limitation.class)));
  }

  private static List<PrescribedExercise> exercises(WorkoutPlan plan) {
    List<PrescribedExercise> all = new ArrayList<>();
    plan.weeks().forEach(w -> w.days().forEach(d -> all.addAll(d.exercises())));
    return all;
  }

  // ------------------------------------------------------------------ nutrition

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nutritionParameters")
  void givenValidNutritionParameters_plan_isPlannedAndPassesTheValidator(
      NutritionPlanParameters parameters) {
    PlanningResult<NutritionPlan> result = NUTRITION.plan(parameters);

    if (result instanceof PlanningResult.Refused) {
      // acceptable refusals: weight loss for an underweight person, or an explicit rate that breaks the floor
      assertThat(((PlanningResult.Refused<NutritionPlan>) result).refusal().reasons()).singleElement().asString()
          .satisfiesAnyOf(r -> assertThat(r).contains("BMI below 18.5"), r -> assertThat(r).contains("safe floor"));
      assertThat(parameters.goal()).isEqualTo(NutritionGoal.LOSE_WEIGHT);
      return;
    }
    NutritionPlan plan = ((PlanningResult.Planned<NutritionPlan>) result).body();
    assertThat(VALIDATOR.planProblems(parameters, plan)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nutritionParameters")
  void givenAnyNutritionPlan_plan_hasMacrosWithinOnePercentOfTarget(
      NutritionPlanParameters parameters) {
    PlanningResult<NutritionPlan> result = NUTRITION.plan(parameters);
    if (!(result instanceof PlanningResult.Planned)) {
      return;
    }
    NutritionPlan plan = ((PlanningResult.Planned<NutritionPlan>) result).body();
    int macroKcal = 4 * plan.proteinG() + 9 * plan.fatG() + 4 * plan.carbsG();

    assertThat((double) Math.abs(macroKcal - plan.targetKcal())).isLessThanOrEqualTo(0.01 * plan.targetKcal());
    assertThat(9.0 * plan.fatG()).isGreaterThanOrEqualTo(0.20 * plan.targetKcal() - 4.5);
    assertThat(plan.proteinG() / parameters.weightKg()).isBetween(1.6 - 0.5 / parameters.weightKg(),
        2.2 + 0.5 / parameters.weightKg());
    assertThat(plan.carbsG()).isNotNegative();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nutritionParameters")
  void givenAnyNutritionPlan_plan_neverGoesBelowTheSexFloorOrTheBmr(
      NutritionPlanParameters parameters) {
    PlanningResult<NutritionPlan> result = NUTRITION.plan(parameters);
    if (!(result instanceof PlanningResult.Planned)) {
      return;
    }
    NutritionPlan plan = ((PlanningResult.Planned<NutritionPlan>) result).body();
    // the published equation, written out here rather than taken from the code under test
    double sexConstant = parameters.sex() == BiologicalSex.MALE ? 5
        : parameters.sex() == BiologicalSex.FEMALE ? -161 : -78;
    double bmr = 10 * parameters.weightKg() + 6.25 * parameters.heightCm() - 5 * parameters.age() + sexConstant;

    assertThat(plan.targetKcal()).isGreaterThanOrEqualTo(parameters.sex() == BiologicalSex.FEMALE ? 1200 : 1500);
    assertThat((double) plan.targetKcal()).isGreaterThanOrEqualTo(bmr);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nutritionParameters")
  void givenNoExplicitRateAndHealthyBmi_plan_isAlwaysPlanned(
      NutritionPlanParameters random) {
    double bmi = random.weightKg() / Math.pow(random.heightCm() / 100.0, 2);
    NutritionPlanParameters parameters = new NutritionPlanParameters(random.sex(), random.age(), random.heightCm(),
        random.weightKg(), random.activityLevel(),
        bmi < PlanValidator.MIN_BMI_FOR_LOSS ? NutritionGoal.MAINTAIN_WEIGHT : random.goal(), OptionalDouble.empty(),
        random.mealsPerDay(), random.dietaryPreferences(), random.allergies());

    assertThat(NUTRITION.plan(parameters).isPlanned()).as(parameters.toString()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("nutritionParameters")
  void givenSameNutritionParameters_plan_isIdentical(
      NutritionPlanParameters parameters) {
    assertThat(new NutritionPlanner(new PlanValidator(LIBRARY)).plan(parameters)).isEqualTo(NUTRITION.plan(parameters));
  }

  static Stream<NutritionPlanParameters> nutritionParameters() {
    List<String> allergens = List.of("peanut", "tree nuts", "milk", "egg", "soy", "wheat", "fish", "shellfish",
        "sesame");
    return samples(0x5EED_0002L, NUTRITION_SAMPLES, random -> {
      NutritionGoal goal = oneOf(random, NutritionGoal.class);
      Set<DietaryPreference> preferences;
      do {
        preferences = subsetOf(random, DietaryPreference.class);
      } while (preferences.contains(DietaryPreference.PESCATARIAN)
          && (preferences.contains(DietaryPreference.VEGAN) || preferences.contains(DietaryPreference.VEGETARIAN)));
      Set<String> allergies = new LinkedHashSet<>();
      int allergyCount = random.nextInt(5);
      while (allergies.size() < allergyCount) {
        allergies.add(allergens.get(random.nextInt(allergens.size())));
      }
      return new NutritionPlanParameters(
          oneOf(random, BiologicalSex.class),
          between(random, PlanValidator.MIN_AGE, PlanValidator.MAX_AGE),
          decimal(random, PlanValidator.MIN_HEIGHT_CM, PlanValidator.MAX_HEIGHT_CM, 1),
          decimal(random, PlanValidator.MIN_WEIGHT_KG, PlanValidator.MAX_WEIGHT_KG, 1),
          oneOf(random, ActivityLevel.class),
          goal,
          rate(random, goal),
          between(random, PlanValidator.MIN_MEALS_PER_DAY, PlanValidator.MAX_MEALS_PER_DAY),
          preferences,
          allergies);
    });
  }

  private static OptionalDouble rate(Random random, NutritionGoal goal) {
    if (goal == NutritionGoal.MAINTAIN_WEIGHT || random.nextBoolean()) {
      return OptionalDouble.empty();
    }
    double max = goal == NutritionGoal.LOSE_WEIGHT ? 1.0 : 0.5;
    return OptionalDouble.of(decimal(random, 0.1, max, 2));
  }

  // ------------------------------------------------------------------ sample generation

  private static <T> Stream<T> samples(long seed, int count, Function<Random, T> draw) {
    Random random = new Random(seed);
    return Stream.generate(() -> draw.apply(random)).limit(count);
  }

  private static int between(Random random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  private static double decimal(Random random, double min, double max, int scale) {
    double factor = Math.pow(10, scale);
    return Math.round((min + random.nextDouble() * (max - min)) * factor) / factor;
  }

  private static <E extends Enum<E>> E oneOf(Random random, Class<E> type) {
    E[] values = type.getEnumConstants();
    return values[random.nextInt(values.length)];
  }

  private static <E extends Enum<E>> Set<E> subsetOf(Random random, Class<E> type) {
    Set<E> subset = EnumSet.noneOf(type);
    for (E value : type.getEnumConstants()) {
      if (random.nextInt(3) == 0) {
        subset.add(value);
      }
    }
    return subset;
  }
}
