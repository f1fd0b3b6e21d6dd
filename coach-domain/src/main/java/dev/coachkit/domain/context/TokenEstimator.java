package dev.coachkit.domain.context;

/**
 * Estimates how many tokens a text costs: one token per {@code charsPerToken} UTF-16 characters, rounded up.
 *
 * <p>Deterministic and model-independent. Four characters a token is the usual rule of thumb for English with
 * OpenAI tokenizers; Spanish runs slightly longer per token, so the estimate errs on the high side there.
 */
public final class TokenEstimator {
  /** Four characters per token. */
  public static final TokenEstimator DEFAULT = new TokenEstimator(4);

  private final int charsPerToken;

  public TokenEstimator(int charsPerToken) {
    if (charsPerToken < 1) {
      throw new IllegalArgumentException("charsPerToken must be at least 1, was " + charsPerToken);
    }
    this.charsPerToken = charsPerToken;
  }

  /** The longest text, in characters, that is estimated at no more than this many tokens. */
  public int maxChars(int tokens) {
    return Math.multiplyExact(Math.max(0, tokens), charsPerToken);
  }

  /** The estimated tokens of this text; 0 for the empty string. */
  public int estimate(String text) {
    int length = text.length();
    return length / charsPerToken + (length % charsPerToken == 0 ? 0 : 1);
  }
}
