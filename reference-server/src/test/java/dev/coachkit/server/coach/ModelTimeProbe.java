package dev.coachkit.server.coach;

import dev.coachkit.adapter.openai.chat.OpenAiCoachModel;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.out.model.CoachModel;
import dev.coachkit.ports.out.model.ModelStreamListener;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For the chat-turn benchmark only (enabled by {@link BenchmarkProfile}): wraps the OpenAI chat adapter and measures
 * the time of each blocking model call around the adapter (LangChain4j, HTTP and the simulator), keyed by the text
 * of the request's last user message, so that the benchmark, which makes each turn's message unique, can subtract
 * a turn's own model time from its latency. The server's wiring is otherwise unchanged: the metered model and the
 * domain get this wrapper where they would get the adapter.
 */
@Singleton
@Alternative
public class ModelTimeProbe {

  private final Map<String, Long> nanosByUserText = new ConcurrentHashMap<>();

  @Produces
  @Singleton
  @Alternative
  @Typed(CoachModel.class)
  CoachModel timedModel(OpenAiCoachModel adapter) {
    return new CoachModel() {
      @Override
      public ModelReply reply(ModelRequest request) {
        long start = System.nanoTime();
        try {
          return adapter.reply(request);
        } finally {
          nanosByUserText.merge(lastUserText(request.history()), System.nanoTime() - start, Long::sum);
        }
      }

      @Override
      public void stream(ModelRequest request, ModelStreamListener listener) {
        adapter.stream(request, listener);
      }
    };
  }

  /** The model time of the turn whose user message was {@code text} (all its model calls), forgotten once taken. */
  public long takeNanos(String text) {
    Long nanos = nanosByUserText.remove(text);
    if (nanos == null) {
      throw new IllegalStateException("no model call seen for the message " + text);
    }
    return nanos;
  }

  private static String lastUserText(List<ModelMessage> history) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i) instanceof ModelMessage.UserText) {
        return ((ModelMessage.UserText) history.get(i)).text();
      }
    }
    return "";
  }
}
