package dev.coachkit.ports.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.testing.TestPlanFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanTest {

  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void givenNutritionBodyDeclaredAsWorkout_construct_isRejectedNamingKind() {
    assertThatThrownBy(() -> new Plan(PlanId.of(UUID.randomUUID()), UserId.of("u"), PlanKind.WORKOUT, 1,
            PlanStatus.ACTIVE, Optional.empty(), TestPlanFactory.nutritionPlan(), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind");
  }

  @Test
  void givenVersionZero_construct_isRejectedNamingVersion() {
    assertThatThrownBy(() -> new Plan(PlanId.of(UUID.randomUUID()), UserId.of("u"), PlanKind.WORKOUT, 0,
            PlanStatus.ACTIVE, Optional.empty(), TestPlanFactory.workoutPlan(), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version");
  }

  @Test
  void givenNewPlan_asVersion_isActiveWithKindOfBody() {
    NewPlan plan = TestPlanFactory.newNutritionPlan(UserId.of("u"), T0);

    Plan stored = plan.asVersion(4);

    assertThat(stored.kind()).isEqualTo(PlanKind.NUTRITION);
    assertThat(stored.version()).isEqualTo(4);
    assertThat(stored.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(stored.withStatus(PlanStatus.SUPERSEDED).status()).isEqualTo(PlanStatus.SUPERSEDED);
  }
}
