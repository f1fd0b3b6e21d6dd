package dev.coachkit.adapter.openai.simulator.realtime;

import java.security.SecureRandom;

/** Identifiers shaped like the live service's ({@code event_} + 21 alphanumerics, {@code call_} + 16, …). */
final class Ids {
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {
  }

  static String of(String prefix, int length) {
    StringBuilder b = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      b.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
    }
    return b.toString();
  }

  static String hex(int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(Character.forDigit(RANDOM.nextInt(16), 16));
    }
    return b.toString();
  }

  static String event() {
    return of("event_", 21);
  }

  static String item() {
    return of("item_", 21);
  }

  static String response() {
    return of("resp_", 21);
  }

  static String session() {
    return of("sess_", 21);
  }

  static String conversation() {
    return of("conv_", 21);
  }

  static String call() {
    return of("call_", 16);
  }
}
