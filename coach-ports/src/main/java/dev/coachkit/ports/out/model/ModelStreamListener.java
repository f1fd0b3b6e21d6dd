package dev.coachkit.ports.out.model;

import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelReply;

/** Callback for a streamed model answer; exactly one of onComplete and onError ends the stream. */
public interface ModelStreamListener {

  /** A fragment of the answer text. */
  void onDelta(String text);

  /** A complete tool call (its argument fragments assembled). */
  void onToolCall(ToolCall call);

  /** The whole answer, including usage; the last callback. */
  void onComplete(ModelReply reply);

  /** The stream failed; the last callback. */
  void onError(ModelFailure failure);
}
