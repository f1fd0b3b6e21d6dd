package dev.coachkit.domain.checkin;

/**
 * Limits for check-ins: the most messages of a period that are read, the characters of transcript sent to the
 * model, the cap on its answer, and how many opted-in users the weekly job reads per page.
 */
public record CheckInSettings(int maxMessages, int maxTranscriptChars, int maxOutputTokens, int userPageSize) {
  public CheckInSettings {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
    }
    if (maxTranscriptChars < 500) {
      throw new IllegalArgumentException("maxTranscriptChars must be at least 500, was " + maxTranscriptChars);
    }
    if (maxOutputTokens < 100) {
      throw new IllegalArgumentException("maxOutputTokens must be at least 100, was " + maxOutputTokens);
    }
    if (userPageSize < 1 || userPageSize > 1_000) {
      throw new IllegalArgumentException("userPageSize must be between 1 and 1000, was " + userPageSize);
    }
  }

  /** 500 messages, 32,000 characters, answers up to 1,000 tokens, 100 users a page. */
  public static CheckInSettings standard() {
    return new CheckInSettings(500, 32_000, 1_000, 100);
  }
}
