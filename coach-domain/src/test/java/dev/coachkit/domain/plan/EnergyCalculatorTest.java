package dev.coachkit.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.BiologicalSex;
import org.junit.jupiter.api.Test;

class EnergyCalculatorTest {

  @Test
  void givenReferenceMan80kg180cm30y_basalMetabolicRate_equalsMifflinStJeor1780() {
    // 10 * 80 + 6.25 * 180 - 5 * 30 + 5 = 800 + 1125 - 150 + 5
    double expected = 1780.0;

    assertThat(EnergyCalculator.basalMetabolicRate(BiologicalSex.MALE, 80, 180, 30)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void givenReferenceWoman60kg165cm25y_basalMetabolicRate_equalsMifflinStJeor1345point25() {
    // 10 * 60 + 6.25 * 165 - 5 * 25 - 161 = 600 + 1031.25 - 125 - 161
    double expected = 1345.25;

    assertThat(EnergyCalculator.basalMetabolicRate(BiologicalSex.FEMALE, 60, 165, 25))
        .isCloseTo(expected, within(1e-9));
  }

  @Test
  void givenOlderHeavierWoman_basalMetabolicRate_equalsPublishedEquation() {
    // 10 * 95.5 + 6.25 * 158 - 5 * 67 - 161 = 955 + 987.5 - 335 - 161
    assertThat(EnergyCalculator.basalMetabolicRate(BiologicalSex.FEMALE, 95.5, 158, 67))
        .isCloseTo(1446.5, within(1e-9));
  }

  @Test
  void givenUnspecifiedSex_basalMetabolicRate_liesMidwayBetweenManAndWoman() {
    double man = EnergyCalculator.basalMetabolicRate(BiologicalSex.MALE, 70, 170, 40);
    double woman = EnergyCalculator.basalMetabolicRate(BiologicalSex.FEMALE, 70, 170, 40);

    assertThat(EnergyCalculator.basalMetabolicRate(BiologicalSex.UNSPECIFIED, 70, 170, 40))
        .isCloseTo((man + woman) / 2, within(1e-9));
  }

  @Test
  void givenEachActivityLevel_activityFactor_isThePublishedMultiplier() {
    assertThat(EnergyCalculator.activityFactor(ActivityLevel.SEDENTARY)).isEqualTo(1.2);
    assertThat(EnergyCalculator.activityFactor(ActivityLevel.LIGHTLY_ACTIVE)).isEqualTo(1.375);
    assertThat(EnergyCalculator.activityFactor(ActivityLevel.MODERATELY_ACTIVE)).isEqualTo(1.55);
    assertThat(EnergyCalculator.activityFactor(ActivityLevel.VERY_ACTIVE)).isEqualTo(1.725);
    assertThat(EnergyCalculator.activityFactor(ActivityLevel.EXTRA_ACTIVE)).isEqualTo(1.9);
  }

  @Test
  void givenReferenceManModeratelyActive_totalDailyEnergyExpenditure_isBmrTimes1point55() {
    assertThat(EnergyCalculator.totalDailyEnergyExpenditure(1780, ActivityLevel.MODERATELY_ACTIVE))
        .isCloseTo(2759.0, within(1e-9));
  }

  @Test
  void givenWomanWithLowBmr_safeFloor_is1200() {
    assertThat(EnergyCalculator.safeFloorKcal(BiologicalSex.FEMALE, 1100.4)).isEqualTo(1200);
  }

  @Test
  void givenManWithLowBmr_safeFloor_is1500() {
    assertThat(EnergyCalculator.safeFloorKcal(BiologicalSex.MALE, 1400)).isEqualTo(1500);
  }

  @Test
  void givenUnspecifiedSex_safeFloor_isTheHigher1500() {
    assertThat(EnergyCalculator.safeFloorKcal(BiologicalSex.UNSPECIFIED, 1000)).isEqualTo(1500);
  }

  @Test
  void givenBmrAboveSexFloor_safeFloor_isTheBmrRoundedUp() {
    assertThat(EnergyCalculator.safeFloorKcal(BiologicalSex.FEMALE, 1345.25)).isEqualTo(1346);
    assertThat(EnergyCalculator.safeFloorKcal(BiologicalSex.MALE, 1780)).isEqualTo(1780);
  }

  @Test
  void givenHalfKiloPerWeek_dailyKcalForWeeklyChange_is550() {
    assertThat(EnergyCalculator.dailyKcalForWeeklyChange(0.5)).isCloseTo(550.0, within(1e-9));
  }
}
