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
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of the plan engine over random valid parameters. */
class PlanEnginePropertiesTest {

  private static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();
  private static final PlanValidator VALIDATOR = new PlanValidator(LIBRARY);
  private static final WorkoutPlanner WORKOUTS = new WorkoutPlanner(LIBRARY, VALIDATOR);
  private static final NutritionPlanner NUTRITION = new NutritionPlanner(VALIDATOR);

  // ------------------------------------------------------------------ workout

  @Property(tries = 400)
  void givenValidWorkoutParameters_plan_isPlannedAndPassesTheValidator(
      @ForAll("workoutParameters") WorkoutPlanParameters parameters) {
    PlanningResult<WorkoutPlan> result = WORKOUTS.plan(parameters);
    Statistics.collect(result.isPlanned() ? "planned" : "refused");

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

  @Property(tries = 400)
  void givenTwoOrFewerLimitationsAndHalfHourSessions_plan_isAlwaysPlanned(
      @ForAll("workoutParameters") WorkoutPlanParameters random) {
    List<Limitation> limitations = new ArrayList<>(random.limitations());
    WorkoutPlanParameters parameters = new WorkoutPlanParameters(random.goal(), random.level(),
        random.daysPerWeek(), Math.max(30, random.sessionMinutes()), random.weeks(), random.equipment(),
        new LinkedHashSet<>(limitations.subList(0, Math.min(2, limitations.size()))));

    assertThat(WORKOUTS.plan(parameters).isPlanned()).as(parameters.toString()).isTrue();
  }

  @Property(tries = 400)
  void givenAnyLimitations_plan_neverContainsAContraindicatedExercise(
      @ForAll("workoutParameters") WorkoutPlanParameters parameters) {
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

  @Property(tries = 400)
  void givenAnyWorkoutPlan_plan_keepsEverySessionWithinItsMinutes(
      @ForAll("workoutParameters") WorkoutPlanParameters parameters) {
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

  @Property(tries = 150)
  void givenSameWorkoutParameters_plan_isIdenticalAcrossPlannersAndSetOrder(
      @ForAll("workoutParameters") WorkoutPlanParameters parameters) {
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

  @Provide
  Arbitrary<WorkoutPlanParameters> workoutParameters() {
    return Combinators.combine(
            Arbitraries.of(TrainingGoal.class),
            Arbitraries.of(FitnessLevel.class),
            Arbitraries.integers().between(PlanValidator.MIN_DAYS_PER_WEEK, PlanValidator.MAX_DAYS_PER_WEEK),
            Arbitraries.integers().between(PlanValidator.MIN_SESSION_MINUTES, PlanValidator.MAX_SESSION_MINUTES),
            Arbitraries.integers().between(PlanValidator.MIN_WEEKS, PlanValidator.MAX_WEEKS),
            Arbitraries.of(Equipment.class).set(),
            Arbitraries.of(Limitation.class).set())
        .as(WorkoutPlanParameters::new);
  }

  private static List<PrescribedExercise> exercises(WorkoutPlan plan) {
    List<PrescribedExercise> all = new ArrayList<>();
    plan.weeks().forEach(w -> w.days().forEach(d -> all.addAll(d.exercises())));
    return all;
  }

  // ------------------------------------------------------------------ nutrition

  @Property(tries = 1000)
  void givenValidNutritionParameters_plan_isPlannedAndPassesTheValidator(
      @ForAll("nutritionParameters") NutritionPlanParameters parameters) {
    PlanningResult<NutritionPlan> result = NUTRITION.plan(parameters);
    Statistics.collect(result.isPlanned() ? "planned" : "refused");

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

  @Property(tries = 1000)
  void givenAnyNutritionPlan_plan_hasMacrosWithinOnePercentOfTarget(
      @ForAll("nutritionParameters") NutritionPlanParameters parameters) {
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

  @Property(tries = 1000)
  void givenAnyNutritionPlan_plan_neverGoesBelowTheSexFloorOrTheBmr(
      @ForAll("nutritionParameters") NutritionPlanParameters parameters) {
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

  @Property(tries = 1000)
  void givenNoExplicitRateAndHealthyBmi_plan_isAlwaysPlanned(
      @ForAll("nutritionParameters") NutritionPlanParameters random) {
    double bmi = random.weightKg() / Math.pow(random.heightCm() / 100.0, 2);
    NutritionPlanParameters parameters = new NutritionPlanParameters(random.sex(), random.age(), random.heightCm(),
        random.weightKg(), random.activityLevel(),
        bmi < PlanValidator.MIN_BMI_FOR_LOSS ? NutritionGoal.MAINTAIN_WEIGHT : random.goal(), OptionalDouble.empty(),
        random.mealsPerDay(), random.dietaryPreferences(), random.allergies());

    assertThat(NUTRITION.plan(parameters).isPlanned()).as(parameters.toString()).isTrue();
  }

  @Property(tries = 300)
  void givenSameNutritionParameters_plan_isIdentical(
      @ForAll("nutritionParameters") NutritionPlanParameters parameters) {
    assertThat(new NutritionPlanner(new PlanValidator(LIBRARY)).plan(parameters)).isEqualTo(NUTRITION.plan(parameters));
  }

  /** Partial nutrition parameters: jqwik combines at most eight arbitraries at once. */
  private record Person(BiologicalSex sex, int age, double heightCm, double weightKg, ActivityLevel activity,
      NutritionGoal goal, int meals, Set<DietaryPreference> preferences) {}

  @Provide
  Arbitrary<NutritionPlanParameters> nutritionParameters() {
    Arbitrary<Person> people = Combinators.combine(
            Arbitraries.of(BiologicalSex.class),
            Arbitraries.integers().between(PlanValidator.MIN_AGE, PlanValidator.MAX_AGE),
            Arbitraries.doubles().between(PlanValidator.MIN_HEIGHT_CM, PlanValidator.MAX_HEIGHT_CM).ofScale(1),
            Arbitraries.doubles().between(PlanValidator.MIN_WEIGHT_KG, PlanValidator.MAX_WEIGHT_KG).ofScale(1),
            Arbitraries.of(ActivityLevel.class),
            Arbitraries.of(NutritionGoal.class),
            Arbitraries.integers().between(PlanValidator.MIN_MEALS_PER_DAY, PlanValidator.MAX_MEALS_PER_DAY),
            Arbitraries.of(DietaryPreference.class).set()
                .filter(s -> !(s.contains(DietaryPreference.PESCATARIAN)
                    && (s.contains(DietaryPreference.VEGAN) || s.contains(DietaryPreference.VEGETARIAN)))))
        .as(Person::new);
    return people.flatMap(person -> Combinators.combine(
            rate(person.goal()),
            Arbitraries.of("peanut", "tree nuts", "milk", "egg", "soy", "wheat", "fish", "shellfish", "sesame")
                .set().ofMaxSize(4))
        .as((rate, allergies) -> new NutritionPlanParameters(person.sex(), person.age(), person.heightCm(),
            person.weightKg(), person.activity(), person.goal(), rate, person.meals(), person.preferences(),
            allergies)));
  }

  private static Arbitrary<OptionalDouble> rate(NutritionGoal goal) {
    if (goal == NutritionGoal.MAINTAIN_WEIGHT) {
      return Arbitraries.just(OptionalDouble.empty());
    }
    double max = goal == NutritionGoal.LOSE_WEIGHT ? 1.0 : 0.5;
    return Arbitraries.oneOf(
        Arbitraries.just(OptionalDouble.empty()),
        Arbitraries.doubles().between(0.1, max).ofScale(2).map(OptionalDouble::of));
  }
}
