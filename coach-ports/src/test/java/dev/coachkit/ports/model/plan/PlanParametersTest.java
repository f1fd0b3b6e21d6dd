package dev.coachkit.ports.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanParametersTest {

  @Test
  void givenOutOfRangeNumbers_constructWorkoutParameters_doesNotThrowSoTheValidatorCanRefuse() {
    assertThatNoException().isThrownBy(() -> new WorkoutPlanParameters(
        TrainingGoal.STRENGTH, FitnessLevel.BEGINNER, 0, -5, 99, Set.of(), Set.of()));
  }

  @Test
  void givenMissingGoal_constructWorkoutParameters_isRejectedNamingGoal() {
    assertThatThrownBy(() -> new WorkoutPlanParameters(null, FitnessLevel.BEGINNER, 3, 45, 4, Set.of(), Set.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("goal");
  }

  @Test
  void givenUnorderedEquipment_constructWorkoutParameters_keepsDeclarationOrder() {
    WorkoutPlanParameters parameters = new WorkoutPlanParameters(TrainingGoal.STRENGTH, FitnessLevel.BEGINNER, 3,
        45, 4, Set.of(Equipment.BENCH, Equipment.DUMBBELL, Equipment.BARBELL), Set.of());

    assertThat(parameters.equipment()).containsExactly(Equipment.DUMBBELL, Equipment.BARBELL, Equipment.BENCH);
  }

  @Test
  void givenNullInsideLimitations_constructWorkoutParameters_isRejectedNamingLimitations() {
    assertThatThrownBy(() -> new WorkoutPlanParameters(TrainingGoal.STRENGTH, FitnessLevel.BEGINNER, 3, 45, 4,
            Set.of(), Arrays.asList(Limitation.KNEE, null).stream().collect(java.util.stream.Collectors.toSet())))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("limitations");
  }

  @Test
  void givenMixedCaseAllergies_constructNutritionParameters_normalisesAndSortsThem() {
    NutritionPlanParameters parameters = new NutritionPlanParameters(BiologicalSex.FEMALE, 30, 165, 60,
        ActivityLevel.SEDENTARY, NutritionGoal.MAINTAIN_WEIGHT, OptionalDouble.empty(), 3, Set.of(),
        Set.of("  Shellfish", "PEANUT "));

    assertThat(parameters.allergies()).containsExactly("peanut", "shellfish");
  }

  @Test
  void givenEmptyReasons_constructRefusal_isRejected() {
    assertThatThrownBy(() -> new PlanRefusal(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
