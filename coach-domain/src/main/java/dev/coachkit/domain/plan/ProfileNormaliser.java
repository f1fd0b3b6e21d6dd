package dev.coachkit.domain.plan;

import dev.coachkit.domain.text.Accents;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.plan.BiologicalSex;
import dev.coachkit.ports.model.plan.DietaryPreference;
import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.Limitation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps the free-text equipment, injuries, diets and allergies of a coach profile (English and Spanish) onto the
 * plan engine's vocabulary. Matching ignores case, accents and punctuation and looks for whole words, longest
 * phrase first ("barra de dominadas" is a pull-up bar, "barra" alone a barbell). Entries that match nothing are
 * kept as unrecognised, never dropped silently and never an error.
 */
public final class ProfileNormaliser {
  private ProfileNormaliser() {}

  /** The recognised values and the entries (as given) that matched nothing. */
  public record Normalised<E>(Set<E> values, List<String> unrecognised) {
    public Normalised {
      values = Set.copyOf(values);
      unrecognised = List.copyOf(unrecognised);
    }
  }

  private static final Map<String, Set<Equipment>> EQUIPMENT = new LinkedHashMap<>();
  private static final Map<String, Set<Limitation>> LIMITATIONS = new LinkedHashMap<>();
  private static final Map<String, Set<DietaryPreference>> DIETS = new LinkedHashMap<>();
  private static final Map<String, String> ALLERGENS = new LinkedHashMap<>();

  static {
    equipment(EnumSet.of(Equipment.BODYWEIGHT), "bodyweight", "body weight", "none", "nothing", "no equipment",
        "calisthenics", "peso corporal", "sin material", "sin equipo", "nada", "ninguno", "ninguna", "calistenia");
    equipment(EnumSet.of(Equipment.DUMBBELL), "dumbbell", "dumbbells", "db", "dbs", "mancuerna", "mancuernas");
    equipment(EnumSet.of(Equipment.BARBELL), "barbell", "barbells", "olympic bar", "barra", "barras",
        "barra olimpica", "barra olimpica y discos", "discos", "plates", "weight plates");
    equipment(EnumSet.of(Equipment.KETTLEBELL), "kettlebell", "kettlebells", "kb", "pesa rusa", "pesas rusas");
    equipment(EnumSet.of(Equipment.MACHINE), "machine", "machines", "gym machines", "weight machines", "maquina",
        "maquinas", "maquinas de gimnasio");
    equipment(EnumSet.of(Equipment.CABLE), "cable", "cables", "cable machine", "cable station", "polea", "poleas",
        "maquina de poleas");
    equipment(EnumSet.of(Equipment.BAND), "band", "bands", "resistance band", "resistance bands", "elastic band",
        "elastic bands", "mini band", "loop band", "banda", "bandas", "banda elastica", "bandas elasticas", "goma",
        "gomas", "goma elastica", "gomas elasticas", "liga", "ligas", "elastico", "elasticos");
    equipment(EnumSet.of(Equipment.BENCH), "bench", "weight bench", "flat bench", "adjustable bench", "banco",
        "banco plano", "banco ajustable");
    equipment(EnumSet.of(Equipment.PULL_UP_BAR), "pull up bar", "pullup bar", "chin up bar", "chinup bar",
        "doorway bar", "barra de dominadas", "barra dominadas", "barra para dominadas", "dominadas");
    equipment(EnumSet.of(Equipment.SQUAT_RACK), "squat rack", "power rack", "rack", "squat stand", "squat stands",
        "jaula", "jaula de sentadillas", "rack de sentadillas");
    equipment(EnumSet.of(Equipment.DIP_BARS), "dip bars", "dip bar", "dip station", "parallel bars", "paralelas",
        "barras paralelas", "fondos");
    equipment(EnumSet.of(Equipment.MEDICINE_BALL), "medicine ball", "med ball", "balon medicinal",
        "pelota medicinal");
    equipment(EnumSet.of(Equipment.STABILITY_BALL), "stability ball", "swiss ball", "exercise ball", "yoga ball",
        "fitball", "fit ball", "pelota suiza", "pelota de pilates", "balon suizo", "fitball");
    equipment(EnumSet.of(Equipment.SUSPENSION_TRAINER), "trx", "suspension trainer", "suspension straps",
        "rings", "gymnastic rings", "entrenador de suspension", "anillas");
    equipment(EnumSet.of(Equipment.JUMP_ROPE), "jump rope", "skipping rope", "skip rope", "comba",
        "cuerda de saltar", "cuerda para saltar", "comba de saltar");
    equipment(EnumSet.of(Equipment.PLYO_BOX), "plyo box", "plyometric box", "jump box", "box", "step", "cajon",
        "cajon pliometrico", "caja pliometrica");
    equipment(EnumSet.of(Equipment.ROWING_MACHINE), "rowing machine", "rower", "erg", "ergometer",
        "maquina de remo", "remo", "remoergometro");
    equipment(EnumSet.of(Equipment.STATIONARY_BIKE), "stationary bike", "exercise bike", "spin bike",
        "spinning bike", "indoor bike", "bike", "bicicleta estatica", "bici estatica", "bicicleta de spinning",
        "bicicleta", "bici", "spinning");
    equipment(EnumSet.of(Equipment.TREADMILL), "treadmill", "running machine", "cinta", "cinta de correr",
        "caminadora", "cinta andadora");
    equipment(EnumSet.of(Equipment.BARBELL, Equipment.DUMBBELL, Equipment.MACHINE, Equipment.CABLE,
            Equipment.BENCH, Equipment.SQUAT_RACK, Equipment.PULL_UP_BAR),
        "gym", "full gym", "commercial gym", "gym membership", "gimnasio", "gimnasio completo", "gimnasio comercial");

    limitation(Limitation.KNEE, "knee", "knees", "acl", "mcl", "meniscus", "patella", "patellar", "rodilla",
        "rodillas", "menisco", "ligamento cruzado", "rotula");
    limitation(Limitation.LOWER_BACK, "lower back", "low back", "back", "back pain", "lumbar", "lumbago",
        "sciatica", "herniated disc", "slipped disc", "disc", "espalda", "espalda baja", "zona lumbar",
        "lumbares", "ciatica", "hernia discal", "hernia de disco", "lumbalgia");
    limitation(Limitation.SHOULDER, "shoulder", "shoulders", "rotator cuff", "hombro", "hombros",
        "manguito rotador");
    limitation(Limitation.WRIST, "wrist", "wrists", "carpal tunnel", "muneca", "munecas", "tunel carpiano");
    limitation(Limitation.HIP, "hip", "hips", "cadera", "caderas");
    limitation(Limitation.NECK, "neck", "cervical", "cuello", "cervicales");
    limitation(Limitation.ANKLE, "ankle", "ankles", "achilles", "tobillo", "tobillos", "aquiles");
    limitation(Limitation.ELBOW, "elbow", "elbows", "tennis elbow", "golfer s elbow", "codo", "codos",
        "epicondilitis");
    limitation(Limitation.PREGNANCY, "pregnant", "pregnancy", "expecting", "prenatal", "embarazada", "embarazo",
        "gestacion", "gestante");

    diet(DietaryPreference.VEGAN, "vegan", "plant based", "vegana", "vegano", "veganos", "veganas",
        "basada en plantas");
    diet(DietaryPreference.VEGETARIAN, "vegetarian", "veggie", "lacto ovo", "ovo lacto", "vegetariana",
        "vegetariano", "vegetarianos", "ovolactovegetariano", "ovolactovegetariana");
    diet(DietaryPreference.PESCATARIAN, "pescatarian", "pescetarian", "pescatariana", "pescatariano",
        "pescetariana", "pescetariano");
    diet(DietaryPreference.HALAL, "halal");
    diet(DietaryPreference.KOSHER, "kosher", "kasher");
    diet(DietaryPreference.GLUTEN_FREE, "gluten free", "no gluten", "celiac", "coeliac", "sin gluten", "celiaco",
        "celiaca", "celiaquia");
    diet(DietaryPreference.DAIRY_FREE, "dairy free", "no dairy", "lactose free", "lactose intolerant",
        "lactose intolerance", "sin lacteos", "sin lactosa", "intolerante a la lactosa", "intolerancia a la lactosa");
    diet(DietaryPreference.MEDITERRANEAN, "mediterranean", "mediterranea", "dieta mediterranea");

    allergen("peanuts", "peanut", "peanuts", "cacahuete", "cacahuetes", "mani", "manies", "cacahuate",
        "cacahuates");
    allergen("tree nuts", "tree nut", "tree nuts", "nuts", "frutos secos", "nueces", "almendras", "avellanas");
    allergen("milk", "milk", "dairy", "leche", "lacteos");
    allergen("lactose", "lactose", "lactosa");
    allergen("eggs", "egg", "eggs", "huevo", "huevos");
    allergen("fish", "fish", "pescado", "pescados");
    allergen("shellfish", "shellfish", "crustaceans", "shrimp", "prawns", "marisco", "mariscos", "crustaceos",
        "gambas");
    allergen("molluscs", "mollusc", "molluscs", "mollusks", "moluscos");
    allergen("soy", "soy", "soya", "soja");
    allergen("wheat", "wheat", "trigo");
    allergen("gluten", "gluten");
    allergen("sesame", "sesame", "sesamo");
    allergen("mustard", "mustard", "mostaza");
    allergen("celery", "celery", "apio");
    allergen("lupin", "lupin", "lupine", "altramuz", "altramuces");
    allergen("sulphites", "sulphites", "sulfites", "sulfitos");
  }

  /** Equipment named in the profile; "gym" stands for the usual pieces of a commercial gym. */
  public static Normalised<Equipment> equipment(Collection<String> entries) {
    return match(entries, EQUIPMENT);
  }

  /** Limitations (injuries and conditions) named in the profile; "left knee" and "rodilla" are both KNEE. */
  public static Normalised<Limitation> limitations(Collection<String> entries) {
    return match(entries, LIMITATIONS);
  }

  /** Dietary preferences named in the profile; "vegana" is VEGAN. */
  public static Normalised<DietaryPreference> dietaryPreferences(Collection<String> entries) {
    return match(entries, DIETS);
  }

  /**
   * Allergens as lower-case English labels where the name is known ("cacahuetes" becomes "peanuts"); any other
   * entry is kept as its own lower-case label, since an allergy must never be dropped.
   */
  public static Set<String> allergens(Collection<String> entries) {
    Set<String> labels = new TreeSet<>();
    for (String entry : entries) {
      String key = simplify(entry);
      if (key.isEmpty()) {
        continue;
      }
      labels.add(ALLERGENS.getOrDefault(key, entry.strip().toLowerCase(Locale.ROOT)));
    }
    return labels;
  }

  /** The sex the energy equations use for a profile's sex; anything but female or male is UNSPECIFIED. */
  public static BiologicalSex biologicalSex(Sex sex) {
    switch (sex) {
      case FEMALE:
        return BiologicalSex.FEMALE;
      case MALE:
        return BiologicalSex.MALE;
      default:
        return BiologicalSex.UNSPECIFIED;
    }
  }

  /** Lower case, accents removed, every run of non-letters and non-digits a single space. */
  static String simplify(String text) {
    return Accents.strip(text).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  private static <E> Normalised<E> match(Collection<String> entries, Map<String, Set<E>> vocabulary) {
    List<String> phrases = new ArrayList<>(vocabulary.keySet());
    phrases.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    Set<E> values = new LinkedHashSet<>();
    List<String> unrecognised = new ArrayList<>();
    for (String entry : entries) {
      String rest = " " + simplify(entry) + " ";
      boolean found = false;
      for (String phrase : phrases) {
        String needle = " " + phrase + " ";
        if (rest.contains(needle)) {
          values.addAll(vocabulary.get(phrase));
          rest = rest.replace(needle, "  ");
          found = true;
        }
      }
      if (!found && !entry.isBlank()) {
        unrecognised.add(entry.strip());
      }
    }
    return new Normalised<>(values, unrecognised);
  }

  private static void equipment(Set<Equipment> values, String... phrases) {
    for (String phrase : phrases) {
      EQUIPMENT.put(simplify(phrase), values);
    }
  }

  private static void limitation(Limitation value, String... phrases) {
    for (String phrase : phrases) {
      LIMITATIONS.put(simplify(phrase), EnumSet.of(value));
    }
  }

  private static void diet(DietaryPreference value, String... phrases) {
    for (String phrase : phrases) {
      DIETS.put(simplify(phrase), EnumSet.of(value));
    }
  }

  private static void allergen(String label, String... names) {
    for (String name : names) {
      ALLERGENS.put(simplify(name), label);
    }
  }
}
