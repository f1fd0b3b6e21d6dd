package dev.coachkit.ports.model.realtime;

import dev.coachkit.ports.model.common.Require;

/** How the realtime model decides the user finished a turn. */
public sealed interface TurnDetection permits TurnDetection.ServerVad, TurnDetection.SemanticVad, TurnDetection.Manual {

  /** Voice activity detection by audio energy. */
  record ServerVad(double threshold, int prefixPaddingMs, int silenceDurationMs) implements TurnDetection {
    public ServerVad {
      Require.inRange(threshold, "threshold", 0.0, 1.0);
      Require.inRange(prefixPaddingMs, "prefixPaddingMs", 0, 10_000);
      Require.inRange(silenceDurationMs, "silenceDurationMs", 0, 10_000);
    }
  }

  /** Detection by what the user said; eagerness sets how quickly the model takes its turn. */
  record SemanticVad(Eagerness eagerness) implements TurnDetection {
    public SemanticVad {
      Require.nonNull(eagerness, "eagerness");
    }
  }

  /** No automatic detection: the client commits the audio buffer and asks for a response (push to talk). */
  record Manual() implements TurnDetection {}

  /** How eagerly semantic VAD ends the user's turn. */
  enum Eagerness {
    LOW,
    MEDIUM,
    HIGH,
    AUTO
  }
}
