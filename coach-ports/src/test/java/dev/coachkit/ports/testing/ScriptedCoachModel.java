package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.model.FinishReason;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.out.model.CoachModel;
import dev.coachkit.ports.out.model.ModelStreamListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CoachModel} fake that answers from a script, one step per request, and captures every request.
 *
 * <p>Streaming answers on the calling thread: text replies arrive as one delta per word. A request with no
 * scripted step left throws IllegalStateException, so a test never passes on an unplanned call.
 */
public final class ScriptedCoachModel implements CoachModel {
  public static final String PROVIDER = "scripted";
  public static final String MODEL = "scripted-model";
  public static final TokenUsage USAGE = TokenUsage.text(100, 0, 20);

  private sealed interface Step permits Reply, Failure, Drop {}

  private record Reply(ModelReply reply) implements Step {}

  private record Failure(ModelFailure failure) implements Step {}

  private record Drop(List<String> deltas, ModelFailure failure) implements Step {}

  private final Deque<Step> script = new ArrayDeque<>();
  private final List<ModelRequest> requests = new ArrayList<>();

  /** Next, answer with this text. */
  public synchronized ScriptedCoachModel thenReply(String text) {
    return thenReply(new ModelReply(text, List.of(), USAGE, PROVIDER, MODEL, FinishReason.STOP));
  }

  /** Next, answer with these tool calls. */
  public synchronized ScriptedCoachModel thenToolCalls(ToolCall... calls) {
    return thenReply(new ModelReply("", List.of(calls), USAGE, PROVIDER, MODEL, FinishReason.TOOL_CALLS));
  }

  public synchronized ScriptedCoachModel thenReply(ModelReply reply) {
    script.addLast(new Reply(Objects.requireNonNull(reply)));
    return this;
  }

  /** Next, fail (blocking: throw; streaming: onError). */
  public synchronized ScriptedCoachModel thenFail(ModelFailure failure) {
    script.addLast(new Failure(Objects.requireNonNull(failure)));
    return this;
  }

  /** Next, stream these deltas and then fail, like a connection dropped mid-stream (blocking: just fail). */
  public synchronized ScriptedCoachModel thenDropAfter(List<String> deltas, ModelFailure failure) {
    script.addLast(new Drop(List.copyOf(deltas), Objects.requireNonNull(failure)));
    return this;
  }

  /** Every request received, in order. */
  public synchronized List<ModelRequest> requests() {
    return List.copyOf(requests);
  }

  public synchronized ModelRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("no request received");
    }
    return requests.get(requests.size() - 1);
  }

  /** How many scripted steps are left. */
  public synchronized int remaining() {
    return script.size();
  }

  private synchronized Step next(ModelRequest request) {
    requests.add(Objects.requireNonNull(request, "request"));
    Step step = script.pollFirst();
    if (step == null) {
      throw new IllegalStateException("ScriptedCoachModel has no scripted step for request " + requests.size());
    }
    return step;
  }

  @Override
  public ModelReply reply(ModelRequest request) {
    Step step = next(request);
    if (step instanceof Reply r) {
      return r.reply();
    }
    if (step instanceof Failure f) {
      throw f.failure();
    }
    throw ((Drop) step).failure();
  }

  @Override
  public void stream(ModelRequest request, ModelStreamListener listener) {
    Step step = next(request);
    if (step instanceof Reply r) {
      ModelReply reply = r.reply();
      if (!reply.text().isEmpty()) {
        words(reply.text()).forEach(listener::onDelta);
      }
      reply.toolCalls().forEach(listener::onToolCall);
      listener.onComplete(reply);
    } else if (step instanceof Failure f) {
      listener.onError(f.failure());
    } else {
      Drop d = (Drop) step;
      d.deltas().forEach(listener::onDelta);
      listener.onError(d.failure());
    }
  }

  /** Splits text into deltas that concatenate back to it exactly. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>(Arrays.asList(text.split("(?<= )")));
    out.removeIf(String::isEmpty);
    return out;
  }
}
