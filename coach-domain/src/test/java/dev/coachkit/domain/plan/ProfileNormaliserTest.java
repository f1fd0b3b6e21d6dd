package dev.coachkit.domain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.Limitation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileNormaliserTest {

  @Test
  void givenEnglishAndSpanishEquipment_normalise_mapsBothToTheSameValues() {
    assertThat(ProfileNormaliser.equipment(List.of("dumbbells", "Bench", "resistance bands")).values())
        .containsExactlyInAnyOrder(Equipment.DUMBBELL, Equipment.BENCH, Equipment.BAND);
    assertThat(ProfileNormaliser.equipment(List.of("mancuernas", "banco", "gomas elásticas")).values())
        .containsExactlyInAnyOrder(Equipment.DUMBBELL, Equipment.BENCH, Equipment.BAND);
  }

  @Test
  void givenLongerPhraseContainingAShorterOne_normalise_prefersTheLongerPhrase() {
    assertThat(ProfileNormaliser.equipment(List.of("barra de dominadas")).values())
        .containsExactly(Equipment.PULL_UP_BAR);
    assertThat(ProfileNormaliser.equipment(List.of("barra olímpica")).values()).containsExactly(Equipment.BARBELL);
    assertThat(ProfileNormaliser.equipment(List.of("máquina de remo")).values())
        .containsExactly(Equipment.ROWING_MACHINE);
  }

  @Test
  void givenGym_normalise_meansTheUsualPiecesOfAGym() {
    assertThat(ProfileNormaliser.equipment(List.of("gimnasio")).values())
        .contains(Equipment.BARBELL, Equipment.DUMBBELL, Equipment.MACHINE, Equipment.SQUAT_RACK);
  }

  @Test
  void givenInjuriesInEitherLanguage_normalise_mapsThemToLimitations() {
    assertThat(ProfileNormaliser.limitations(List.of("left knee", "bad lower back")).values())
        .containsExactlyInAnyOrder(Limitation.KNEE, Limitation.LOWER_BACK);
    assertThat(ProfileNormaliser.limitations(List.of("rodilla izquierda", "dolor de muñeca", "Embarazada")).values())
        .containsExactlyInAnyOrder(Limitation.KNEE, Limitation.WRIST, Limitation.PREGNANCY);
  }

  @Test
  void givenOneEntryNamingTwoInjuries_normalise_findsBoth() {
    assertThat(ProfileNormaliser.limitations(List.of("knee and hip pain")).values())
        .containsExactlyInAnyOrder(Limitation.KNEE, Limitation.HIP);
  }

  @Test
  void givenDiets_normalise_mapsSynonymsWithoutConfusingVeganAndVegetarian() {
    assertThat(ProfileNormaliser.dietaryPreferences(List.of("vegana")).values())
        .containsExactly(DietaryPreference.VEGAN);
    assertThat(ProfileNormaliser.dietaryPreferences(List.of("vegetariana")).values())
        .containsExactly(DietaryPreference.VEGETARIAN);
    assertThat(ProfileNormaliser.dietaryPreferences(List.of("sin gluten", "lactose-free", "Mediterranean")).values())
        .containsExactlyInAnyOrder(DietaryPreference.GLUTEN_FREE, DietaryPreference.DAIRY_FREE,
            DietaryPreference.MEDITERRANEAN);
  }

  @Test
  void givenUnknownEntries_normalise_keepsThemAsUnrecognisedWithoutFailing() {
    ProfileNormaliser.Normalised<Equipment> equipment =
        ProfileNormaliser.equipment(List.of("dumbbells", "sandbag of rocks", "   "));
    assertThat(equipment.values()).containsExactly(Equipment.DUMBBELL);
    assertThat(equipment.unrecognised()).containsExactly("sandbag of rocks");
    assertThat(ProfileNormaliser.limitations(List.of("torn labrum?!")).unrecognised())
        .containsExactly("torn labrum?!");
  }

  @Test
  void givenAllergiesInSpanish_normalise_usesEnglishLabelsAndKeepsUnknownOnes() {
    assertThat(ProfileNormaliser.allergens(List.of("Cacahuetes", "marisco", "Kiwi")))
        .containsExactly("kiwi", "peanuts", "shellfish");
  }
}
