package dev.coachkit.domain.tool;

import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.Limitation;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the profile's free-text equipment, injuries and dietary preferences (English or Spanish) as the plan
 * engine's enums, by keywords. Used so that a plan never forgets an injury the user told the coach about.
 */
final class ProfileVocabulary {
  private static final Map<String, Equipment> EQUIPMENT = new LinkedHashMap<>();
  private static final Map<String, Limitation> LIMITATIONS = new LinkedHashMap<>();
  private static final Map<String, DietaryPreference> DIETS = new LinkedHashMap<>();

  static {
    EQUIPMENT.put("dumbbell", Equipment.DUMBBELL);
    EQUIPMENT.put("mancuerna", Equipment.DUMBBELL);
    EQUIPMENT.put("kettlebell", Equipment.KETTLEBELL);
    EQUIPMENT.put("pesa rusa", Equipment.KETTLEBELL);
    EQUIPMENT.put("pull-up bar", Equipment.PULL_UP_BAR);
    EQUIPMENT.put("pull up bar", Equipment.PULL_UP_BAR);
    EQUIPMENT.put("pullup bar", Equipment.PULL_UP_BAR);
    EQUIPMENT.put("barra de dominadas", Equipment.PULL_UP_BAR);
    EQUIPMENT.put("barbell", Equipment.BARBELL);
    EQUIPMENT.put("barra olimpica", Equipment.BARBELL);
    EQUIPMENT.put("machine", Equipment.MACHINE);
    EQUIPMENT.put("maquina", Equipment.MACHINE);
    EQUIPMENT.put("cable", Equipment.CABLE);
    EQUIPMENT.put("polea", Equipment.CABLE);
    EQUIPMENT.put("band", Equipment.BAND);
    EQUIPMENT.put("banda", Equipment.BAND);
    EQUIPMENT.put("goma", Equipment.BAND);
    EQUIPMENT.put("bench", Equipment.BENCH);
    EQUIPMENT.put("banco", Equipment.BENCH);
    EQUIPMENT.put("rack", Equipment.SQUAT_RACK);
    EQUIPMENT.put("dip", Equipment.DIP_BARS);
    EQUIPMENT.put("paralelas", Equipment.DIP_BARS);
    EQUIPMENT.put("medicine ball", Equipment.MEDICINE_BALL);
    EQUIPMENT.put("balon medicinal", Equipment.MEDICINE_BALL);
    EQUIPMENT.put("stability ball", Equipment.STABILITY_BALL);
    EQUIPMENT.put("fitball", Equipment.STABILITY_BALL);
    EQUIPMENT.put("trx", Equipment.SUSPENSION_TRAINER);
    EQUIPMENT.put("suspension", Equipment.SUSPENSION_TRAINER);
    EQUIPMENT.put("jump rope", Equipment.JUMP_ROPE);
    EQUIPMENT.put("comba", Equipment.JUMP_ROPE);
    EQUIPMENT.put("plyo box", Equipment.PLYO_BOX);
    EQUIPMENT.put("cajon", Equipment.PLYO_BOX);
    EQUIPMENT.put("rower", Equipment.ROWING_MACHINE);
    EQUIPMENT.put("rowing", Equipment.ROWING_MACHINE);
    EQUIPMENT.put("remo", Equipment.ROWING_MACHINE);
    EQUIPMENT.put("bike", Equipment.STATIONARY_BIKE);
    EQUIPMENT.put("bici", Equipment.STATIONARY_BIKE);
    EQUIPMENT.put("treadmill", Equipment.TREADMILL);
    EQUIPMENT.put("cinta", Equipment.TREADMILL);

    LIMITATIONS.put("knee", Limitation.KNEE);
    LIMITATIONS.put("rodilla", Limitation.KNEE);
    LIMITATIONS.put("back", Limitation.LOWER_BACK);
    LIMITATIONS.put("lumbar", Limitation.LOWER_BACK);
    LIMITATIONS.put("espalda", Limitation.LOWER_BACK);
    LIMITATIONS.put("shoulder", Limitation.SHOULDER);
    LIMITATIONS.put("hombro", Limitation.SHOULDER);
    LIMITATIONS.put("wrist", Limitation.WRIST);
    LIMITATIONS.put("muneca", Limitation.WRIST);
    LIMITATIONS.put("hip", Limitation.HIP);
    LIMITATIONS.put("cadera", Limitation.HIP);
    LIMITATIONS.put("neck", Limitation.NECK);
    LIMITATIONS.put("cuello", Limitation.NECK);
    LIMITATIONS.put("cervical", Limitation.NECK);
    LIMITATIONS.put("ankle", Limitation.ANKLE);
    LIMITATIONS.put("tobillo", Limitation.ANKLE);
    LIMITATIONS.put("elbow", Limitation.ELBOW);
    LIMITATIONS.put("codo", Limitation.ELBOW);
    LIMITATIONS.put("pregnan", Limitation.PREGNANCY);
    LIMITATIONS.put("embaraz", Limitation.PREGNANCY);

    DIETS.put("vegan", DietaryPreference.VEGAN);
    DIETS.put("vegetarian", DietaryPreference.VEGETARIAN);
    DIETS.put("vegetariano", DietaryPreference.VEGETARIAN);
    DIETS.put("pescatarian", DietaryPreference.PESCATARIAN);
    DIETS.put("pescetarian", DietaryPreference.PESCATARIAN);
    DIETS.put("pescetariano", DietaryPreference.PESCATARIAN);
    DIETS.put("halal", DietaryPreference.HALAL);
    DIETS.put("kosher", DietaryPreference.KOSHER);
    DIETS.put("gluten", DietaryPreference.GLUTEN_FREE);
    DIETS.put("celiac", DietaryPreference.GLUTEN_FREE);
    DIETS.put("celiaq", DietaryPreference.GLUTEN_FREE);
    DIETS.put("dairy", DietaryPreference.DAIRY_FREE);
    DIETS.put("lactose", DietaryPreference.DAIRY_FREE);
    DIETS.put("lactosa", DietaryPreference.DAIRY_FREE);
    DIETS.put("lacteos", DietaryPreference.DAIRY_FREE);
    DIETS.put("mediterr", DietaryPreference.MEDITERRANEAN);
  }

  private ProfileVocabulary() {}

  /** Equipment named in the texts; "gym"/"gimnasio" means a full gym. */
  static Set<Equipment> equipment(List<String> texts) {
    Set<Equipment> out = EnumSet.of(Equipment.BODYWEIGHT);
    for (String text : texts) {
      String t = normalize(text);
      if (t.contains("gym") || t.contains("gimnasio")) {
        out.addAll(EnumSet.allOf(Equipment.class));
      }
      EQUIPMENT.forEach((word, equipment) -> {
        if (t.contains(word)) {
          out.add(equipment);
        }
      });
    }
    return out;
  }

  static Set<Limitation> limitations(List<String> texts) {
    return match(texts, LIMITATIONS, Limitation.class);
  }

  static Set<DietaryPreference> diets(List<String> texts) {
    return match(texts, DIETS, DietaryPreference.class);
  }

  static BiologicalSex sex(Sex sex) {
    switch (sex) {
      case FEMALE:
        return BiologicalSex.FEMALE;
      case MALE:
        return BiologicalSex.MALE;
      default:
        return BiologicalSex.UNSPECIFIED;
    }
  }

  private static <E extends Enum<E>> Set<E> match(List<String> texts, Map<String, E> words, Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    for (String text : texts) {
      String t = normalize(text);
      words.forEach((word, value) -> {
        if (t.contains(word)) {
          out.add(value);
        }
      });
    }
    return out;
  }

  private static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
  }
}
