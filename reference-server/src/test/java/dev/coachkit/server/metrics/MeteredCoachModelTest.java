package dev.coachkit.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.FinishReason;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.ModelPrice;
import dev.coachkit.ports.out.model.CoachModel;
import dev.coachkit.ports.out.model.ModelStreamListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The model metrics count every reply and failure under its own tags, also now that the meters of each combination
 * of tags are kept after their first use: replies from two providers and models, in both modes, with tool calls and
 * failures, each land on the meter of their own tags, and the second and later calls add to the first's.
 */
class MeteredCoachModelTest {
  private static final ModelRequest REQUEST = new ModelRequest("be brief", List.of(new ModelMessage.UserText("hi")),
      List.of(), Optional.empty(), 100);
  private static final PriceTable PRICES = PriceTable.of(
      new ModelPrice("gpt-a", 1_000_000, 500_000, 2_000_000, 0, 0),
      new ModelPrice("gpt-b", 3_000_000, 1_000_000, 4_000_000, 0, 0));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Deque<Object> answers = new ArrayDeque<>();
  private final MeteredCoachModel model = new MeteredCoachModel(new ScriptedModel(), registry, PRICES, "openai");

  @Test
  void givenRepliesFromTwoProvidersAndModels_reply_countsEachUnderItsOwnTags() {
    TokenUsage usage = new TokenUsage(1000, 200, 100, 0, 0);
    answers.add(reply("openai", "gpt-a", usage, List.of(call("create_workout_plan"))));
    answers.add(reply("openai", "gpt-a", usage, List.of(call("create_workout_plan"), call("get_progress"))));
    answers.add(reply("azure", "gpt-b", usage, List.of()));
    for (int i = 0; i < 3; i++) {
      model.reply(REQUEST);
    }

    assertThat(registry.get("coach.model.replies").tags("provider", "openai", "model", "gpt-a", "fallback", "false")
        .counter().count()).isEqualTo(2);
    assertThat(registry.get("coach.model.replies").tags("provider", "azure", "model", "gpt-b", "fallback", "true")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get("coach.model.call").tags("mode", "blocking", "outcome", "reply", "provider", "openai")
        .timer().count()).isEqualTo(2);
    assertThat(registry.get("coach.model.call").tags("mode", "blocking", "outcome", "reply", "provider", "azure")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get("coach.tool.calls").tags("tool", "create_workout_plan").counter().count()).isEqualTo(2);
    assertThat(registry.get("coach.tool.calls").tags("tool", "get_progress").counter().count()).isEqualTo(1);
    assertThat(registry.get("coach.model.tokens").tags("model", "gpt-a", "type", "input").counter().count())
        .isEqualTo(1600);
    assertThat(registry.get("coach.model.tokens").tags("model", "gpt-a", "type", "cached_input").counter().count())
        .isEqualTo(400);
    assertThat(registry.get("coach.model.tokens").tags("model", "gpt-a", "type", "output").counter().count())
        .isEqualTo(200);
    assertThat(registry.get("coach.model.tokens").tags("model", "gpt-b", "type", "input").counter().count())
        .isEqualTo(800);
    assertThat(registry.get("coach.model.cost").tags("model", "gpt-a").counter().count())
        .isEqualTo(2 * PRICES.costMicros("gpt-a", usage) / 1_000_000.0);
    assertThat(registry.get("coach.model.cost").tags("model", "gpt-b").counter().count())
        .isEqualTo(PRICES.costMicros("gpt-b", usage) / 1_000_000.0);
  }

  @Test
  void givenBlockingAndStreamedReplies_eachMode_hasItsOwnTimer() {
    answers.add(reply("openai", "gpt-a", TokenUsage.ZERO, List.of()));
    answers.add(reply("openai", "gpt-a", TokenUsage.ZERO, List.of()));
    answers.add(reply("openai", "gpt-a", TokenUsage.ZERO, List.of()));
    model.reply(REQUEST);
    model.stream(REQUEST, new Listener());
    model.stream(REQUEST, new Listener());

    assertThat(registry.get("coach.model.call").tags("mode", "blocking", "provider", "openai").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("coach.model.call").tags("mode", "stream", "provider", "openai").timer().count())
        .isEqualTo(2);
    assertThat(registry.get("coach.model.first.token").timer().count()).isEqualTo(2);
    assertThat(registry.get("coach.model.replies").tags("provider", "openai", "model", "gpt-a").counter().count())
        .isEqualTo(3);
  }

  @Test
  void givenFailuresOfTwoKinds_reply_countsEachKindAndStillThrows() {
    answers.add(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "openai", "slow down"));
    answers.add(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "openai", "slow down"));
    answers.add(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "openai", "down"));
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> model.reply(REQUEST)).isInstanceOf(ModelFailure.class);
    }

    assertThat(registry.get("coach.model.errors").tags("provider", "openai", "kind", "rate_limited").counter()
        .count()).isEqualTo(2);
    assertThat(registry.get("coach.model.errors").tags("provider", "openai", "kind", "unavailable").counter()
        .count()).isEqualTo(1);
    assertThat(registry.get("coach.model.call").tags("mode", "blocking", "outcome", "failure").timer().count())
        .isEqualTo(3);
  }

  private static ModelReply reply(String provider, String modelName, TokenUsage usage, List<ToolCall> calls) {
    return new ModelReply(calls.isEmpty() ? "ok" : "", calls, usage, provider, modelName,
        calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS);
  }

  private static ToolCall call(String name) {
    return new ToolCall("call-" + name, name, Json.parse("{}"));
  }

  /** Answers each call with the next scripted reply, or throws the next scripted failure. */
  private final class ScriptedModel implements CoachModel {
    @Override
    public ModelReply reply(ModelRequest request) {
      Object next = answers.removeFirst();
      if (next instanceof ModelFailure) {
        throw (ModelFailure) next;
      }
      return (ModelReply) next;
    }

    @Override
    public void stream(ModelRequest request, ModelStreamListener listener) {
      ModelReply reply = reply(request);
      listener.onDelta(reply.text());
      listener.onComplete(reply);
    }
  }

  private static final class Listener implements ModelStreamListener {
    @Override
    public void onDelta(String text) {
    }

    @Override
    public void onToolCall(ToolCall call) {
    }

    @Override
    public void onComplete(ModelReply reply) {
    }

    @Override
    public void onError(ModelFailure failure) {
    }
  }
}
