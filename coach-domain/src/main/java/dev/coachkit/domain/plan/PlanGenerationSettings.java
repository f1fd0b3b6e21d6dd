package dev.coachkit.domain.plan;

/**
 * Limits for extracting plan parameters from a conversation: how many of its latest messages are read, how many
 * characters of transcript are sent, and the cap on the model's answer.
 */
public record PlanGenerationSettings(int transcriptMessages, int maxTranscriptChars, int maxOutputTokens) {
  public PlanGenerationSettings {
    if (transcriptMessages < 1 || transcriptMessages > 100) {
      throw new IllegalArgumentException("transcriptMessages must be between 1 and 100, was " + transcriptMessages);
    }
    if (maxTranscriptChars < 500) {
      throw new IllegalArgumentException("maxTranscriptChars must be at least 500, was " + maxTranscriptChars);
    }
    if (maxOutputTokens < 100) {
      throw new IllegalArgumentException("maxOutputTokens must be at least 100, was " + maxOutputTokens);
    }
  }

  /** The last 100 messages, at most 24,000 characters, answers up to 800 tokens. */
  public static PlanGenerationSettings standard() {
    return new PlanGenerationSettings(100, 24_000, 800);
  }
}
