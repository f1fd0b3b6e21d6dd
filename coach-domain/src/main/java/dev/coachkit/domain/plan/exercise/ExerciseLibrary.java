package dev.coachkit.domain.plan.exercise;

import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.PrescriptionUnit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalogue of exercises the plan engine chooses from, in curated order, with search. */
public final class ExerciseLibrary {

  /** Classpath location of the built-in data file. */
  public static final String BUILT_IN_RESOURCE = "/dev/coachkit/domain/plan/exercise/exercises.txt";

  private static final int FIELDS = 8;

  private final List<Exercise> exercises;
  private final Map<String, Exercise> byId;

  /** A library of these exercises in this order; ids must be unique. */
  public ExerciseLibrary(List<Exercise> exercises) {
    this.exercises = List.copyOf(exercises);
    Map<String, Exercise> index = new LinkedHashMap<>();
    for (Exercise exercise : this.exercises) {
      if (index.putIfAbsent(exercise.id(), exercise) != null) {
        throw new IllegalArgumentException("exercise id '" + exercise.id() + "' appears twice");
      }
    }
    this.byId = Map.copyOf(index);
  }

  /** The library shipped with CoachKit, read from {@link #BUILT_IN_RESOURCE}. */
  public static ExerciseLibrary builtIn() {
    InputStream stream = ExerciseLibrary.class.getResourceAsStream(BUILT_IN_RESOURCE);
    if (stream == null) {
      throw new IllegalStateException("the exercise library " + BUILT_IN_RESOURCE + " is missing from the classpath");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      return parse(reader.lines().collect(Collectors.toList()), BUILT_IN_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BUILT_IN_RESOURCE, e);
    }
  }

  /**
   * Parses the line format of the data file: {@code id | name | muscles | pattern | equipment | level |
   * contraindications | unit}; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the source and line of the first malformed line
   */
  public static ExerciseLibrary parse(List<String> lines, String source) {
    List<Exercise> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        parsed.add(parseLine(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    try {
      return new ExerciseLibrary(parsed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Exercise parseLine(String line) {
    String[] fields = line.split("\\|", -1);
    if (fields.length != FIELDS) {
      throw new IllegalArgumentException("expected " + FIELDS + " fields separated by '|', found " + fields.length);
    }
    for (int f = 0; f < fields.length; f++) {
      fields[f] = fields[f].strip();
    }
    return new Exercise(
        fields[0],
        fields[1],
        list(fields[2], "muscle", MuscleGroup::valueOf),
        constant(fields[3], "movement pattern", MovementPattern::valueOf),
        new LinkedHashSet<>(list(fields[4], "equipment", Equipment::valueOf)),
        constant(fields[5], "level", FitnessLevel::valueOf),
        fields[6].equals("-") ? Set.of() : new LinkedHashSet<>(list(fields[6], "contraindication", Limitation::valueOf)),
        unit(fields[7]));
  }

  private static PrescriptionUnit unit(String text) {
    switch (text) {
      case "reps":
        return PrescriptionUnit.REPETITIONS;
      case "seconds":
        return PrescriptionUnit.SECONDS;
      default:
        throw new IllegalArgumentException("unknown unit '" + text + "' (reps or seconds)");
    }
  }

  private static <E> List<E> list(String text, String what, Function<String, E> valueOf) {
    return Arrays.stream(text.split(",")).map(String::strip).map(t -> constant(t, what, valueOf))
        .collect(Collectors.toList());
  }

  private static <E> E constant(String text, String what, Function<String, E> valueOf) {
    try {
      return valueOf.apply(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + what + " '" + text + "'", e);
    }
  }

  /** Every exercise in curated order. */
  public List<Exercise> all() {
    return exercises;
  }

  /** The exercise with this id, if the library has it. */
  public Optional<Exercise> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The exercises matching every criterion of the query, in library order, at most {@code query.limit()}. */
  public List<Exercise> search(ExerciseQuery query) {
    List<String> words = query.text()
        .map(t -> Arrays.stream(t.toLowerCase(Locale.ROOT).split("[\\s_-]+")).filter(w -> !w.isEmpty())
            .collect(Collectors.toList()))
        .orElse(List.of());
    return exercises.stream()
        .filter(e -> query.muscle().map(e::trains).orElse(true))
        .filter(e -> query.pattern().map(p -> e.pattern() == p).orElse(true))
        .filter(e -> query.availableEquipment().map(e::usableWith).orElse(true))
        .filter(e -> query.level().map(e::suits).orElse(true))
        .filter(e -> e.safeFor(query.avoid()))
        .filter(e -> matchesAll(e, words))
        .limit(query.limit())
        .collect(Collectors.toUnmodifiableList());
  }

  private static boolean matchesAll(Exercise exercise, List<String> words) {
    String haystack = (exercise.name() + " " + exercise.id().replace('_', ' ')).toLowerCase(Locale.ROOT)
        .replace('-', ' ');
    for (String word : words) {
      if (!haystack.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
