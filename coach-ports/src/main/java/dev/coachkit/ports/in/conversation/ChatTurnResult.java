package dev.coachkit.ports.in.conversation;

import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.Require;

/** The outcome of a chat turn: the coach replied, or the turn was refused (budget, rate limit, no model, …). */
public sealed interface ChatTurnResult permits ChatTurnResult.Replied, ChatTurnResult.Refused {

  /** The coach replied. */
  record Replied(ChatReply reply) implements ChatTurnResult {
    public Replied {
      Require.nonNull(reply, "reply");
    }
  }

  /** The turn was refused; nothing was sent to the model. */
  record Refused(Refusal refusal) implements ChatTurnResult {
    public Refused {
      Require.nonNull(refusal, "refusal");
    }
  }
}
