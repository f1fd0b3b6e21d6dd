package dev.coachkit.domain.safety;

import dev.coachkit.domain.persona.CoachLanguage;
import dev.coachkit.domain.text.Accents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds red flags in a user's message, in English and Spanish, with word patterns.
 *
 * <p>The text is lower-cased and stripped of accents first, so "dolor en el pecho" and "dolor en el péchó" match
 * alike. Patterns look for phrases, not single words: "chest day" or "press de pecho" are not chest pain. When
 * several flags match, the most urgent wins (the order of {@link RedFlag}). The detector errs towards flagging:
 * a false alarm costs one careful reply, a miss could cost much more.
 */
public final class RedFlagDetector {
  private record Rule(RedFlag flag, CoachLanguage language, Pattern pattern) {}

  private static final String NUM = "(\\d{1,4})";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private final Function<String[], Pattern> compile;
  private final List<Rule> rules = new ArrayList<>();
  private final Pattern pregnantEn;
  private final Pattern pregnantEs;
  private final Pattern extremeEn;
  private final Pattern extremeEs;
  private final Pattern lowIntake;

  public RedFlagDetector() {
    this(RedFlagDetector::words);
  }

  /**
   * A detector whose phrase lists are compiled by {@code compile}; {@link #words} in production. The tests compile
   * the same phrases the other way the patterns can be written, to show the two match alike.
   */
  RedFlagDetector(Function<String[], Pattern> compile) {
    this.compile = Objects.requireNonNull(compile, "compile must not be null");
    pregnantEn = compile("(pregnan\\w*|expecting a baby|with child)\\b");
    pregnantEs = compile("(embarazad\\w*|embarazo|encinta)\\b");
    extremeEn = compile(
        "(lose|drop|shed|cut) \\d+ ?(kg|kilos?|pounds|lbs?)\\b", "lose weight (fast|quickly)\\b", "crash diet\\b",
        "(fasting|intermittent fast|starve|starving)\\b", "(strict|extreme|very low calorie) diet\\b",
        "\\d{3,4} ?(kcal|calories?)\\b", "calorie deficit\\b", "(max(imum)?|extreme) (intensity|weights?)\\b",
        "(lose|losing) weight\\b");
    extremeEs = compile(
        "(bajar|perder|adelgazar) \\d+ ?(kg|kilos?)\\b", "(bajar|perder) (de )?peso\\b", "adelgazar\\b",
        "ayuno\\b", "ayunar\\b", "dieta (estricta|extrema|muy baja)\\b", "\\d{3,4} ?(kcal|calorias)\\b",
        "deficit calorico\\b", "dejar de comer\\b", "intensidad maxima\\b");
    lowIntake = compile(
        "(eat|eating|ate|only|comer|como|comiendo|solo)\\b[^.!?]{0,30}?\\b" + NUM + " ?(kcal|calories|calorias)\\b");
    en(RedFlag.SELF_HARM, "(kill|killing|hurt|hurting|cut|cutting|harm|harming) myself\\b", "suicid\\w*",
        "end (my|it all|my own) life\\b", "end it all\\b", "want(ed)? to die\\b", "self[- ]?harm\\w*",
        "no reason to live\\b", "better off dead\\b", "don'?t want to (live|be alive)\\b");
    es(RedFlag.SELF_HARM, "suicid\\w*", "quitarme la vida\\b", "hacerme dano\\b", "quiero morir(me)?\\b",
        "no quiero vivir\\b", "autolesi\\w*", "cortarme\\b", "matarme\\b(?! de hambre)",
        "acabar con (mi vida|todo)\\b");
    en(RedFlag.CHEST_PAIN, "chest (pain|pains|hurts?|hurting|ache|aches|tightness|pressure)\\b",
        "(pain|tightness|pressure|squeezing) in (my|the) chest\\b", "my chest (is |feels )?(tight|hurts?)\\b",
        "heart attack\\b", "pain (down|in) my left arm\\b");
    es(RedFlag.CHEST_PAIN, "dolor (en el|de|del) pecho\\b", "me duele (el|mucho el) pecho\\b",
        "(presion|opresion|punzadas?) en el pecho\\b", "dolor toracico\\b", "infarto\\b", "ataque al corazon\\b",
        "dolor en el brazo izquierdo\\b");
    en(RedFlag.FAINTING, "faint(ed|ing)?\\b(?! (memory|smell|sound|line|idea|hope))", "pass(ed|ing)? out\\b",
        "black(ed|ing)? out\\b", "lost consciousness\\b", "collapsed\\b");
    es(RedFlag.FAINTING, "desmay\\w*", "perdi (el conocimiento|la consciencia|el sentido)\\b",
        "perder el conocimiento\\b", "me caigo redond\\w*", "me quede inconsciente\\b");
    en(RedFlag.EATING_DISORDER, "purg(e|ed|es|ing)\\b", "make myself (throw up|vomit|sick)\\b",
        "(throw(ing)? up|vomit(ing)?) after (eating|meals?|dinner|lunch)\\b", "laxatives?\\b",
        "starv(e|ing) myself\\b", "anorexi\\w*", "bulimi\\w*", "binge\\w*\\b[^.!?]{0,20}\\b(purge|vomit|throw up)",
        "not eat(en|ing)? (anything |at all )?for (\\d+|two|three|several|a few) days\\b", "stop eating\\b");
    es(RedFlag.EATING_DISORDER, "(vomitar|vomito) despues de comer\\b", "provoc\\w* (el )?vomito\\b",
        "laxantes?\\b", "matarme de hambre\\b", "anorexi\\w*", "bulimi\\w*", "atracon\\w*\\b[^.!?]{0,20}vomit",
        "no (he )?com(er|ido) (nada )?(en|durante) (\\d+|dos|tres|varios) dias\\b", "dejar de comer\\b");
  }

  /**
   * One pattern for phrases that each start at a word boundary: {@code \b(?:a|b|…)}. Written with the boundary
   * once, in front of the alternation, rather than in front of each phrase ({@code \ba|\bb|…}), which matches
   * exactly the same text at the same places: the engine tries every position of the text, and checking the
   * boundary once there lets it skip every phrase inside a word, instead of checking the boundary again for each
   * phrase. Capturing groups inside the phrases keep their numbers.
   */
  static Pattern words(String... phrases) {
    return Pattern.compile("\\b(?:" + String.join("|", phrases) + ")");
  }

  private Pattern compile(String... phrases) {
    return compile.apply(phrases);
  }

  private void en(RedFlag flag, String... phrases) {
    rules.add(new Rule(flag, CoachLanguage.ENGLISH, compile(phrases)));
  }

  private void es(RedFlag flag, String... phrases) {
    rules.add(new Rule(flag, CoachLanguage.SPANISH, compile(phrases)));
  }

  /** Every pattern of this detector, rules first; for the tests. */
  List<Pattern> patterns() {
    List<Pattern> all = new ArrayList<>();
    rules.forEach(rule -> all.add(rule.pattern()));
    all.addAll(List.of(pregnantEn, pregnantEs, extremeEn, extremeEs, lowIntake));
    return all;
  }

  /** The most urgent red flag in the text, if any, preferring English words where both languages match. */
  public Optional<RedFlagMatch> detect(String text) {
    return detect(text, CoachLanguage.ENGLISH);
  }

  /**
   * The most urgent red flag in the text, if any; when the words match in both languages (e.g. "anorexia"),
   * the match is reported in the {@code preferred} language.
   */
  public Optional<RedFlagMatch> detect(String text, CoachLanguage preferred) {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(preferred, "preferred must not be null");
    String t = normalize(text);
    RedFlagMatch best = null;
    for (Rule rule : rules) {
      Matcher m = rule.pattern().matcher(t);
      if (!m.find()) {
        continue;
      }
      boolean moreUrgent = best == null || rule.flag().ordinal() < best.flag().ordinal();
      boolean betterLanguage = best != null && rule.flag() == best.flag() && rule.language() == preferred
          && best.language() != preferred;
      if (moreUrgent || betterLanguage) {
        best = new RedFlagMatch(rule.flag(), rule.language(), m.group());
      }
    }
    if (best == null || RedFlag.EATING_DISORDER.ordinal() < best.flag().ordinal()) {
      Optional<RedFlagMatch> lowIntake = lowIntake(t);
      if (lowIntake.isPresent()) {
        best = lowIntake.get();
      }
    }
    if (best == null) {
      best = pregnancyWithExtremeGoal(t).orElse(null);
    }
    return Optional.ofNullable(best);
  }

  /** Eating under 800 kcal a day is a red flag in itself. */
  private Optional<RedFlagMatch> lowIntake(String t) {
    Matcher m = lowIntake.matcher(t);
    while (m.find()) {
      int kcal = Integer.parseInt(m.group(2));
      if (kcal > 0 && kcal < 800) {
        CoachLanguage language = m.group(3).equals("calorias") || m.group(1).startsWith("com")
            || m.group(1).equals("solo") ? CoachLanguage.SPANISH : CoachLanguage.ENGLISH;
        return Optional.of(new RedFlagMatch(RedFlag.EATING_DISORDER, language, m.group()));
      }
    }
    return Optional.empty();
  }

  private Optional<RedFlagMatch> pregnancyWithExtremeGoal(String t) {
    Matcher en = pregnantEn.matcher(t);
    Matcher es = pregnantEs.matcher(t);
    boolean pregnantEn = en.find();
    boolean pregnantEs = es.find();
    if (!pregnantEn && !pregnantEs) {
      return Optional.empty();
    }
    Matcher extremeEn = this.extremeEn.matcher(t);
    Matcher extremeEs = this.extremeEs.matcher(t);
    if (extremeEs.find()) {
      return Optional.of(new RedFlagMatch(RedFlag.PREGNANCY_EXTREME_GOAL, CoachLanguage.SPANISH,
          (pregnantEs ? es.group() : en.group()) + " … " + extremeEs.group()));
    }
    if (extremeEn.find()) {
      return Optional.of(new RedFlagMatch(RedFlag.PREGNANCY_EXTREME_GOAL,
          pregnantEs ? CoachLanguage.SPANISH : CoachLanguage.ENGLISH,
          (pregnantEn ? en.group() : es.group()) + " … " + extremeEn.group()));
    }
    return Optional.empty();
  }

  /** Lower case, accents removed, curly apostrophes straightened, whitespace collapsed. */
  static String normalize(String text) {
    // Compiled once: String.replaceAll compiles its pattern on every call.
    String folded = Accents.strip(text).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    return WHITESPACE.matcher(folded).replaceAll(" ").strip();
  }
}
