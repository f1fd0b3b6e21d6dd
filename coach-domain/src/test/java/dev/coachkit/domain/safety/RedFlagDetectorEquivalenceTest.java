package dev.coachkit.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.persona.CoachLanguage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The red-flag screen's patterns, written for speed with one word boundary in front of each alternation
 * ({@link RedFlagDetector#words}: {@code \b(?:a|b|…)}), find exactly what the same phrases find written the plain
 * way, with a boundary in front of each phrase ({@code \ba|\bb|…}, as the detector had them before session 10):
 * the same flag, language and matched words, or nothing, for the same text. The oracle is the detector built with
 * the plain form; the texts are made from the words and phrases of its own patterns, mixed with ordinary words,
 * numbers and punctuation, so that most of the phrases are met whole, in part and next to each other.
 */
class RedFlagDetectorEquivalenceTest {
  private static final int TEXTS = 60_000;
  private static final Pattern WORD = Pattern.compile("[a-z']+|\\d+");
  private static final List<String> FILLERS = List.of("i", "my", "the", "a", "and", "after", "day", "days", "week",
      "a day", "al dia", "calories", "calorias", "kcal", "kg", "kilos", "5", "12", "300", "500", "799", "800", "1200",
      "2200", ".", ",", "!", "?", "-", "haha", "run", "squats", "plan", "de", "el", "la", "y", "que", "no", "not",
      "I'm", "Estoy", "quiero", "want", "to", "in", "chest", "pecho", "fast", "weight", "peso", "myself", "me");

  private final RedFlagDetector detector = new RedFlagDetector();
  private final RedFlagDetector plain = new RedFlagDetector(RedFlagDetectorEquivalenceTest::boundaryPerPhrase);

  /** The plain form: {@code \ba|\bb|…}. */
  private static Pattern boundaryPerPhrase(String... phrases) {
    return Pattern.compile(Arrays.stream(phrases).map(phrase -> "\\b" + phrase).collect(Collectors.joining("|")));
  }

  @Test
  void givenTextsMadeOfThePatternsOwnPhrases_detect_answersExactlyAsWithABoundaryBeforeEachPhrase() {
    List<String> sources = patternSources();
    List<String> vocabulary = new ArrayList<>(words(sources));
    Random random = new Random(20261122L);
    Map<RedFlag, Integer> flagged = new EnumMap<>(RedFlag.class);
    int clean = 0;
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < TEXTS; i++) {
      String text = text(random, vocabulary, sources);
      for (CoachLanguage preferred : CoachLanguage.values()) {
        Optional<RedFlagMatch> expected = plain.detect(text, preferred);
        Optional<RedFlagMatch> actual = detector.detect(text, preferred);
        if (!expected.equals(actual) && differences.size() < 20) {
          differences.add("\"" + text + "\" (" + preferred + "): plain form " + expected + ", words() " + actual);
        }
        if (preferred == CoachLanguage.ENGLISH) {
          if (expected.isPresent()) {
            flagged.merge(expected.get().flag(), 1, Integer::sum);
          } else {
            clean++;
          }
        }
      }
    }
    assertThat(differences).isEmpty();
    // The texts must exercise the screen: every flag met many times, and plenty of texts with no flag at all.
    assertThat(flagged.keySet()).containsExactlyInAnyOrder(RedFlag.values());
    assertThat(flagged.values()).allSatisfy(count -> assertThat(count).isGreaterThan(100));
    assertThat(clean).isGreaterThan(TEXTS / 10);
  }

  @Test
  void givenEachPlainPattern_phraseSampler_writesTextsThatPatternAccepts() {
    // The texts above are only as good as the sampler: each pattern must accept nearly all of its own samples
    // (not all: a sample may break a look-ahead, e.g. "faint memory").
    Random random = new Random(7L);
    for (String source : patternSources()) {
      Pattern pattern = Pattern.compile(source);
      int accepted = 0;
      for (int i = 0; i < 200; i++) {
        String sample = new PhraseSampler(source, random).sample();
        if (pattern.matcher(sample).find()) {
          accepted++;
        }
      }
      assertThat(accepted).as(source).isGreaterThanOrEqualTo(180);
    }
  }

  @Test
  void givenPhrases_words_putsOneWordBoundaryInFrontOfTheirAlternation() {
    // Pins the shape the test above compares with the plain form: "\bA|\bB" written as "\b(?:A|B)".
    assertThat(RedFlagDetector.words("a\\b", "b").pattern()).isEqualTo("\\b(?:a\\b|b)");
    assertThat(boundaryPerPhrase("a\\b", "b").pattern()).isEqualTo("\\ba\\b|\\bb");
  }

  /**
   * One text: pieces that match the patterns (a random string each pattern accepts, see {@link PhraseSampler}),
   * words of the patterns, fillers, numbers and punctuation, sometimes upper-cased or with accents.
   */
  private static String text(Random random, List<String> vocabulary, List<String> sources) {
    List<String> parts = new ArrayList<>();
    int pieces = 1 + random.nextInt(6);
    for (int p = 0; p < pieces; p++) {
      int kind = random.nextInt(10);
      if (kind < 4) {
        parts.add(new PhraseSampler(sources.get(random.nextInt(sources.size())), random).sample());
      } else if (kind < 7) {
        parts.add(vocabulary.get(random.nextInt(vocabulary.size())));
      } else {
        parts.add(FILLERS.get(random.nextInt(FILLERS.size())));
      }
    }
    String text = String.join(" ", parts);
    switch (random.nextInt(4)) {
      case 0:
        return text.toUpperCase(java.util.Locale.ROOT);
      case 1:
        return text.replace("o", "ó").replace("e", "é");
      default:
        return text;
    }
  }

  /**
   * A random string that the pattern accepts, for the small part of the regular-expression language the red-flag
   * patterns use: literals, groups with alternatives ({@code (…)}, {@code (?:…)}), {@code ?}, {@code *},
   * {@code +} and {@code {m,n}}, {@code \b}, {@code \w}, {@code \d}, classes ({@code [- ]}, and {@code [^.!?]},
   * sampled as one to three spaces, the gap between two words) and negative look-aheads, which it leaves out (so a
   * sample may be one the look-ahead refuses: the two detectors must still agree on it).
   */
  static final class PhraseSampler {
    private final String source;
    private final Random random;
    private int at;

    PhraseSampler(String source, Random random) {
      this.source = source;
      this.random = random;
    }

    String sample() {
      StringBuilder out = new StringBuilder();
      alternatives(out);
      return out.toString();
    }

    /** Picks one alternative of the sequence up to the next unmatched ')' or the end. */
    private void alternatives(StringBuilder out) {
      List<StringBuilder> choices = new ArrayList<>();
      choices.add(new StringBuilder());
      while (at < source.length() && source.charAt(at) != ')') {
        if (source.charAt(at) == '|') {
          at++;
          choices.add(new StringBuilder());
        } else {
          item(choices.get(choices.size() - 1));
        }
      }
      out.append(choices.get(random.nextInt(choices.size())));
    }

    private void item(StringBuilder out) {
      char c = source.charAt(at);
      String atom;
      boolean gap = false;
      if (c == '(') {
        boolean lookahead = source.startsWith("(?!", at);
        at += source.startsWith("(?", at) ? 3 : 1;
        StringBuilder inner = new StringBuilder();
        alternatives(inner);
        at++; // ')'
        atom = lookahead ? "" : inner.toString();
      } else if (c == '[') {
        int end = source.indexOf(']', at + 1);
        String set = source.substring(at + 1, end);
        at = end + 1;
        gap = set.startsWith("^");
        atom = gap ? " " : String.valueOf(set.charAt(random.nextInt(set.length())));
      } else if (c == '\\') {
        char escaped = source.charAt(at + 1);
        at += 2;
        atom = escaped == 'w' ? "s" : escaped == 'd' ? String.valueOf(random.nextInt(10)) : escaped == 'b' ? ""
            : String.valueOf(escaped);
      } else {
        at++;
        atom = String.valueOf(c);
      }
      int[] times = quantifier();
      if (at < source.length() && source.charAt(at) == '?' && (times[0] != 1 || times[1] != 1)) {
        at++; // lazy: matches the same strings
      }
      int n = Math.max(gap ? 1 : 0, times[0] + random.nextInt(times[1] - times[0] + 1));
      for (int i = 0; i < n; i++) {
        out.append(atom);
      }
    }

    /** The quantifier after an atom, as {min, max} (capped: samples stay short). */
    private int[] quantifier() {
      if (at >= source.length()) {
        return new int[] {1, 1};
      }
      char q = source.charAt(at);
      if (q == '?') {
        at++;
        return new int[] {0, 1};
      }
      if (q == '*') {
        at++;
        return new int[] {0, 2};
      }
      if (q == '+') {
        at++;
        return new int[] {1, 3};
      }
      if (q == '{') {
        int end = source.indexOf('}', at);
        String[] bounds = source.substring(at + 1, end).split(",");
        at = end + 1;
        int min = Integer.parseInt(bounds[0]);
        int max = bounds.length > 1 ? Integer.parseInt(bounds[1]) : min;
        return new int[] {min, Math.min(max, min + 3)};
      }
      return new int[] {1, 1};
    }
  }

  private List<String> patternSources() {
    return plain.patterns().stream().map(Pattern::pattern).toList();
  }

  private static Set<String> words(List<String> sources) {
    Set<String> words = new LinkedHashSet<>();
    sources.forEach(source -> words.addAll(wordsInOrder(source)));
    return words;
  }

  /**
   * The words of a regular expression's source, in order: its digit classes become numbers (of their lengths, some
   * under 800 and some over, for the calorie rules), its other escapes (\b, \w) are left out.
   */
  private static List<String> wordsInOrder(String source) {
    String literal = source.replace("\\d{3,4}", " 700 ").replace("\\d{1,4}", " 650 ").replace("\\d+", " 12 ")
        .replaceAll("\\\\[bwdsS]", " ");
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(literal);
    while (m.find()) {
      words.add(m.group());
    }
    if (words.isEmpty()) {
      words.add("x");
    }
    return words;
  }
}
