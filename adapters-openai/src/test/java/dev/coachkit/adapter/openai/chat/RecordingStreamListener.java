package dev.coachkit.adapter.openai.chat;

import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.out.model.ModelStreamListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Records every callback in order and lets a test wait for the end of the stream. */
final class RecordingStreamListener implements ModelStreamListener {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<String> deltas = new CopyOnWriteArrayList<>();
  private final List<ToolCall> toolCalls = new CopyOnWriteArrayList<>();
  private final List<ModelReply> completions = new CopyOnWriteArrayList<>();
  private final List<ModelFailure> errors = new CopyOnWriteArrayList<>();
  private final CountDownLatch ended = new CountDownLatch(1);

  @Override
  public void onDelta(String text) {
    events.add("delta");
    deltas.add(text);
  }

  @Override
  public void onToolCall(ToolCall call) {
    events.add("tool_call");
    toolCalls.add(call);
  }

  @Override
  public void onComplete(ModelReply reply) {
    events.add("complete");
    completions.add(reply);
    ended.countDown();
  }

  @Override
  public void onError(ModelFailure failure) {
    events.add("error");
    errors.add(failure);
    ended.countDown();
  }

  /** Waits for the terminal callback, then a little longer to catch any callback after it. */
  RecordingStreamListener awaitEnd() throws InterruptedException {
    if (!ended.await(15, TimeUnit.SECONDS)) {
      throw new AssertionError("the stream did not end; events so far: " + events);
    }
    Thread.sleep(150);
    return this;
  }

  List<String> events() {
    return List.copyOf(events);
  }

  List<String> deltas() {
    return List.copyOf(deltas);
  }

  String text() {
    return String.join("", deltas);
  }

  List<ToolCall> toolCalls() {
    return List.copyOf(toolCalls);
  }

  ModelReply completion() {
    if (completions.size() != 1) {
      throw new AssertionError("expected one completion but got " + events);
    }
    return completions.get(0);
  }

  ModelFailure error() {
    if (errors.size() != 1) {
      throw new AssertionError("expected one error but got " + events);
    }
    return errors.get(0);
  }
}
