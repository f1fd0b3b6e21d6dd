package dev.coachkit.domain.safety;

import dev.coachkit.domain.persona.CoachLanguage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A frozen copy of {@link RedFlagDetector} as it was before its patterns were written with one word boundary in
 * front of each alternation (commit 498f1b2): the oracle of {@link RedFlagDetectorEquivalenceTest}. Do not change
 * it; a change to what the screen detects goes into {@link RedFlagDetector} and its own tests.
 *
 * <p>Original description: finds red flags in a user's message, in English and Spanish, with word patterns.
 *
 * <p>The text is lower-cased and stripped of accents first, so "dolor en el pecho" and "dolor en el péchó" match
 * alike. Patterns look for phrases, not single words: "chest day" or "press de pecho" are not chest pain. When
 * several flags match, the most urgent wins (the order of {@link RedFlag}). The detector errs towards flagging:
 * a false alarm costs one careful reply, a miss could cost much more.
 */
final class RedFlagDetectorBefore {
  record Rule(RedFlag flag, CoachLanguage language, Pattern pattern) {}

  private static final String NUM = "(\\d{1,4})";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  final List<Rule> rules = new ArrayList<>();
  static final Pattern PREGNANT_EN =
      Pattern.compile("\\b(pregnan\\w*|expecting a baby|with child)\\b");
  static final Pattern PREGNANT_ES = Pattern.compile("\\b(embarazad\\w*|embarazo|encinta)\\b");
  static final Pattern EXTREME_EN = Pattern.compile(
      "\\b(lose|drop|shed|cut) \\d+ ?(kg|kilos?|pounds|lbs?)\\b|\\blose weight (fast|quickly)\\b|\\bcrash diet\\b"
          + "|\\b(fasting|intermittent fast|starve|starving)\\b|\\b(strict|extreme|very low calorie) diet\\b"
          + "|\\b\\d{3,4} ?(kcal|calories?)\\b|\\bcalorie deficit\\b|\\b(max(imum)?|extreme) (intensity|weights?)\\b"
          + "|\\b(lose|losing) weight\\b");
  static final Pattern EXTREME_ES = Pattern.compile(
      "\\b(bajar|perder|adelgazar) \\d+ ?(kg|kilos?)\\b|\\b(bajar|perder) (de )?peso\\b|\\badelgazar\\b"
          + "|\\bayuno\\b|\\bayunar\\b|\\bdieta (estricta|extrema|muy baja)\\b|\\b\\d{3,4} ?(kcal|calorias)\\b"
          + "|\\bdeficit calorico\\b|\\bdejar de comer\\b|\\bintensidad maxima\\b");
  static final Pattern LOW_INTAKE = Pattern.compile(
      "\\b(eat|eating|ate|only|comer|como|comiendo|solo)\\b[^.!?]{0,30}?\\b" + NUM + " ?(kcal|calories|calorias)\\b");

  RedFlagDetectorBefore() {
    en(RedFlag.SELF_HARM, "\\b(kill|killing|hurt|hurting|cut|cutting|harm|harming) myself\\b|\\bsuicid\\w*"
        + "|\\bend (my|it all|my own) life\\b|\\bend it all\\b|\\bwant(ed)? to die\\b|\\bself[- ]?harm\\w*"
        + "|\\bno reason to live\\b|\\bbetter off dead\\b|\\bdon'?t want to (live|be alive)\\b");
    es(RedFlag.SELF_HARM, "\\bsuicid\\w*|\\bquitarme la vida\\b|\\bhacerme dano\\b|\\bquiero morir(me)?\\b"
        + "|\\bno quiero vivir\\b|\\bautolesi\\w*|\\bcortarme\\b|\\bmatarme\\b(?! de hambre)"
        + "|\\bacabar con (mi vida|todo)\\b");
    en(RedFlag.CHEST_PAIN, "\\bchest (pain|pains|hurts?|hurting|ache|aches|tightness|pressure)\\b"
        + "|\\b(pain|tightness|pressure|squeezing) in (my|the) chest\\b|\\bmy chest (is |feels )?(tight|hurts?)\\b"
        + "|\\bheart attack\\b|\\bpain (down|in) my left arm\\b");
    es(RedFlag.CHEST_PAIN, "\\bdolor (en el|de|del) pecho\\b|\\bme duele (el|mucho el) pecho\\b"
        + "|\\b(presion|opresion|punzadas?) en el pecho\\b|\\bdolor toracico\\b|\\binfarto\\b|\\bataque al corazon\\b"
        + "|\\bdolor en el brazo izquierdo\\b");
    en(RedFlag.FAINTING, "\\bfaint(ed|ing)?\\b(?! (memory|smell|sound|line|idea|hope))|\\bpass(ed|ing)? out\\b"
        + "|\\bblack(ed|ing)? out\\b|\\blost consciousness\\b|\\bcollapsed\\b");
    es(RedFlag.FAINTING, "\\bdesmay\\w*|\\bperdi (el conocimiento|la consciencia|el sentido)\\b"
        + "|\\bperder el conocimiento\\b|\\bme caigo redond\\w*|\\bme quede inconsciente\\b");
    en(RedFlag.EATING_DISORDER, "\\bpurg(e|ed|es|ing)\\b|\\bmake myself (throw up|vomit|sick)\\b"
        + "|\\b(throw(ing)? up|vomit(ing)?) after (eating|meals?|dinner|lunch)\\b|\\blaxatives?\\b"
        + "|\\bstarv(e|ing) myself\\b|\\banorexi\\w*|\\bbulimi\\w*|\\bbinge\\w*\\b[^.!?]{0,20}\\b(purge|vomit|throw up)"
        + "|\\bnot eat(en|ing)? (anything |at all )?for (\\d+|two|three|several|a few) days\\b|\\bstop eating\\b");
    es(RedFlag.EATING_DISORDER, "\\b(vomitar|vomito) despues de comer\\b|\\bprovoc\\w* (el )?vomito\\b"
        + "|\\blaxantes?\\b|\\bmatarme de hambre\\b|\\banorexi\\w*|\\bbulimi\\w*|\\batracon\\w*\\b[^.!?]{0,20}vomit"
        + "|\\bno (he )?com(er|ido) (nada )?(en|durante) (\\d+|dos|tres|varios) dias\\b|\\bdejar de comer\\b");
  }

  private void en(RedFlag flag, String regex) {
    rules.add(new Rule(flag, CoachLanguage.ENGLISH, Pattern.compile(regex)));
  }

  private void es(RedFlag flag, String regex) {
    rules.add(new Rule(flag, CoachLanguage.SPANISH, Pattern.compile(regex)));
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
  private static Optional<RedFlagMatch> lowIntake(String t) {
    Matcher m = LOW_INTAKE.matcher(t);
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

  private static Optional<RedFlagMatch> pregnancyWithExtremeGoal(String t) {
    Matcher en = PREGNANT_EN.matcher(t);
    Matcher es = PREGNANT_ES.matcher(t);
    boolean pregnantEn = en.find();
    boolean pregnantEs = es.find();
    if (!pregnantEn && !pregnantEs) {
      return Optional.empty();
    }
    Matcher extremeEn = EXTREME_EN.matcher(t);
    Matcher extremeEs = EXTREME_ES.matcher(t);
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
    String folded = dev.coachkit.domain.text.Accents.strip(text).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    return WHITESPACE.matcher(folded).replaceAll(" ").strip();
  }
}
