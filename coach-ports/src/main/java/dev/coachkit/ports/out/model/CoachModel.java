package dev.coachkit.ports.out.model;

import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;

/**
 * Driven port: the language model (with its retries and fallback providers) that answers one model request.
 *
 * <p>It never runs tools: it returns tool calls, and the domain sends their outputs back in the next request.
 */
public interface CoachModel {

  /**
   * Answers the request, blocking.
   *
   * @throws dev.coachkit.ports.model.model.ModelFailure when no configured provider can answer
   */
  ModelReply reply(ModelRequest request);

  /**
   * Answers the request as a stream: the listener gets deltas and tool calls, then exactly one of
   * {@code onComplete} or {@code onError}. It may return before the stream ends; callbacks come from any thread,
   * one at a time.
   */
  void stream(ModelRequest request, ModelStreamListener listener);
}
