package dev.coachkit.domain.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Accent folding for matching words in English and Spanish: "péchó" matches "pecho". */
public final class Accents {

  /** Compiled once: String.replaceAll compiles its pattern on every call, and the screens run on every turn. */
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Accents() {
  }

  /** The text decomposed (NFD) with every combining mark removed; case and everything else as given. */
  public static String strip(String text) {
    return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
  }
}
