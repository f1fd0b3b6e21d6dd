package dev.coachkit.domain.plan.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.PrescriptionUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExerciseLibraryTest {

  private static final ExerciseLibrary LIBRARY = ExerciseLibrary.builtIn();

  @Test
  void givenBuiltInLibrary_load_holdsAtLeast150Exercises() {
    assertThat(LIBRARY.all()).hasSizeGreaterThanOrEqualTo(150);
  }

  @Test
  void givenBuiltInLibrary_load_coversEveryPatternEquipmentLevelAndLimitation() {
    assertThat(LIBRARY.all().stream().map(Exercise::pattern).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(MovementPattern.values());
    assertThat(LIBRARY.all().stream().flatMap(e -> e.equipment().stream()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Equipment.values());
    assertThat(LIBRARY.all().stream().map(Exercise::level).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(FitnessLevel.values());
    assertThat(LIBRARY.all().stream().flatMap(e -> e.contraindications().stream()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Limitation.values());
  }

  @Test
  void givenEveryMovementPattern_load_offersABeginnerBodyweightOrBandOption() {
    Set<Equipment> minimal = EnumSet.of(Equipment.BAND);
    for (MovementPattern pattern : MovementPattern.values()) {
      if (pattern == MovementPattern.CARRY) {
        continue; // carries need something to carry
      }
      assertThat(LIBRARY.search(ExerciseQuery.any().withPattern(pattern).withEquipment(minimal)
          .withLevel(FitnessLevel.BEGINNER))).as(pattern.name()).isNotEmpty();
    }
  }

  @Test
  void givenKnownId_find_returnsTheExerciseWithItsData() {
    Exercise squat = LIBRARY.find("barbell_back_squat").orElseThrow();

    assertThat(squat.name()).isEqualTo("Barbell back squat");
    assertThat(squat.primaryMuscles()).containsExactly(MuscleGroup.QUADRICEPS, MuscleGroup.GLUTES);
    assertThat(squat.pattern()).isEqualTo(MovementPattern.SQUAT);
    assertThat(squat.equipment()).containsExactlyInAnyOrder(Equipment.BARBELL, Equipment.SQUAT_RACK);
    assertThat(squat.level()).isEqualTo(FitnessLevel.INTERMEDIATE);
    assertThat(squat.contraindications())
        .containsExactlyInAnyOrder(Limitation.KNEE, Limitation.LOWER_BACK, Limitation.PREGNANCY);
    assertThat(squat.unit()).isEqualTo(PrescriptionUnit.REPETITIONS);
    assertThat(LIBRARY.find("plank").orElseThrow().unit()).isEqualTo(PrescriptionUnit.SECONDS);
  }

  @Test
  void givenUnknownId_find_isEmpty() {
    assertThat(LIBRARY.find("moon_walk")).isEmpty();
  }

  @Test
  void givenMuscleQuery_search_returnsOnlyExercisesTrainingIt() {
    List<Exercise> found = LIBRARY.search(ExerciseQuery.any().withMuscle(MuscleGroup.HAMSTRINGS).withLimit(100));

    assertThat(found).isNotEmpty().allSatisfy(e -> assertThat(e.primaryMuscles()).contains(MuscleGroup.HAMSTRINGS));
    assertThat(found).extracting(Exercise::id).contains("nordic_curl", "romanian_deadlift");
  }

  @Test
  void givenEquipmentQuery_search_returnsOnlyUsableExercises() {
    Set<Equipment> kettlebell = Set.of(Equipment.KETTLEBELL);
    List<Exercise> found = LIBRARY.search(ExerciseQuery.any().withEquipment(kettlebell).withLimit(100));

    assertThat(found).allSatisfy(e -> assertThat(e.usableWith(kettlebell)).isTrue());
    assertThat(found).extracting(Exercise::id).contains("kettlebell_swing", "push_up")
        .doesNotContain("barbell_back_squat");
  }

  @Test
  void givenLevelQuery_search_excludesHarderExercises() {
    assertThat(LIBRARY.search(ExerciseQuery.any().withLevel(FitnessLevel.BEGINNER).withLimit(100)))
        .allSatisfy(e -> assertThat(e.level()).isEqualTo(FitnessLevel.BEGINNER));
  }

  @Test
  void givenTextQuery_search_matchesEveryWordIgnoringCase() {
    assertThat(LIBRARY.search(ExerciseQuery.any().withText("DUMBBELL press")))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.name().toLowerCase()).contains("dumbbell").contains("press"));
    assertThat(LIBRARY.search(ExerciseQuery.any().withText("pull-up"))).extracting(Exercise::id)
        .contains("pull_up", "band_assisted_pull_up");
  }

  @Test
  void givenAvoidedLimitation_search_leavesOutContraindicatedExercises() {
    assertThat(LIBRARY.search(ExerciseQuery.any().withPattern(MovementPattern.SQUAT).avoiding(Set.of(Limitation.KNEE))))
        .isEmpty();
    assertThat(LIBRARY.search(ExerciseQuery.any().withPattern(MovementPattern.HINGE)
        .avoiding(Set.of(Limitation.LOWER_BACK)).withLimit(100)))
        .isNotEmpty().allSatisfy(e -> assertThat(e.contraindications()).doesNotContain(Limitation.LOWER_BACK));
  }

  @Test
  void givenLimit_search_returnsAtMostThatManyInLibraryOrder() {
    List<Exercise> found = LIBRARY.search(ExerciseQuery.any().withLimit(3));

    assertThat(found).containsExactlyElementsOf(LIBRARY.all().subList(0, 3));
  }

  @Test
  void givenLimitOutOfRange_query_isRejectedNamingLimit() {
    assertThatThrownBy(() -> ExerciseQuery.any().withLimit(0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> ExerciseQuery.any().withLimit(101)).hasMessageContaining("limit");
  }

  @Test
  void givenUnknownEquipment_parse_failsNamingSourceAndLine() {
    List<String> lines = List.of("# comment", "",
        "hover | Hover | core | core | jetpack | beginner | - | reps");

    assertThatThrownBy(() -> ExerciseLibrary.parse(lines, "test.txt"))
        .hasMessageContaining("test.txt line 3")
        .hasMessageContaining("unknown equipment 'jetpack'");
  }

  @Test
  void givenMissingField_parse_failsNamingTheFieldCount() {
    assertThatThrownBy(() -> ExerciseLibrary.parse(List.of("a | A | core | core | bodyweight | beginner | -"), "t"))
        .hasMessageContaining("t line 1").hasMessageContaining("expected 8 fields");
  }

  @Test
  void givenDuplicateIds_parse_failsNamingTheId() {
    String line = "plank | Plank | core | core | bodyweight | beginner | - | seconds";

    assertThatThrownBy(() -> ExerciseLibrary.parse(List.of(line, line), "t")).hasMessageContaining("'plank'");
  }

  @Test
  void givenBodyweightExercise_usableWith_needsNoEquipment() {
    assertThat(LIBRARY.find("push_up").orElseThrow().usableWith(Set.of())).isTrue();
    assertThat(LIBRARY.find("dumbbell_row").orElseThrow().usableWith(Set.of(Equipment.DUMBBELL))).isFalse();
  }
}
