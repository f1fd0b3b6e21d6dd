package dev.coachkit.adapter.openai.simulator;

import java.security.SecureRandom;

/** OpenAI-looking identifiers. */
final class Ids {

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {
  }

  static String completionId() {
    return "chatcmpl-" + random(29);
  }

  static String toolCallId() {
    return "call_" + random(24);
  }

  static String requestId() {
    return "req_" + random(32).toLowerCase(java.util.Locale.ROOT);
  }

  static String random(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
