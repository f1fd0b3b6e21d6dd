package dev.coachkit.server.metrics;

import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.out.model.CoachModel;
import dev.coachkit.ports.out.model.ModelStreamListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The model port with metrics around it: model-call latency, time to the first streamed token, tool calls by name,
 * replies by provider (a reply from a provider other than the primary one is a fallback), failures by kind, tokens
 * and cost. The domain sees the plain {@link CoachModel} contract. Metric names: docs/reference/metrics.md.
 */
public final class MeteredCoachModel implements CoachModel {

  private final CoachModel delegate;
  private final MeterRegistry registry;
  private final PriceTable prices;
  private final String primaryProvider;

  public MeteredCoachModel(CoachModel delegate, MeterRegistry registry, PriceTable prices, String primaryProvider) {
    this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
    this.registry = Objects.requireNonNull(registry, "registry must not be null");
    this.prices = Objects.requireNonNull(prices, "prices must not be null");
    this.primaryProvider = Objects.requireNonNull(primaryProvider, "primaryProvider must not be null");
  }

  @Override
  public ModelReply reply(ModelRequest request) {
    long start = System.nanoTime();
    try {
      ModelReply reply = delegate.reply(request);
      replied(reply, "blocking", start);
      return reply;
    } catch (ModelFailure failure) {
      failed(failure, "blocking", start);
      throw failure;
    }
  }

  @Override
  public void stream(ModelRequest request, ModelStreamListener listener) {
    long start = System.nanoTime();
    AtomicBoolean first = new AtomicBoolean();
    delegate.stream(request, new ModelStreamListener() {
      @Override
      public void onDelta(String text) {
        firstToken(first, start);
        listener.onDelta(text);
      }

      @Override
      public void onToolCall(ToolCall call) {
        firstToken(first, start);
        listener.onToolCall(call);
      }

      @Override
      public void onComplete(ModelReply reply) {
        replied(reply, "stream", start);
        listener.onComplete(reply);
      }

      @Override
      public void onError(ModelFailure failure) {
        failed(failure, "stream", start);
        listener.onError(failure);
      }
    });
  }

  private void firstToken(AtomicBoolean first, long start) {
    if (first.compareAndSet(false, true)) {
      Timer.builder("coach.model.first.token").description("Streamed model call: request to the first token")
          .publishPercentileHistogram().register(registry).record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void replied(ModelReply reply, String mode, long start) {
    Timer.builder("coach.model.call").description("Model call latency (retries and fallbacks included)")
        .tag("mode", mode).tag("outcome", "reply").tag("provider", reply.provider())
        .publishPercentileHistogram().register(registry).record(Duration.ofNanos(System.nanoTime() - start));
    Counter.builder("coach.model.replies").description("Model replies by provider and model")
        .tag("provider", reply.provider()).tag("model", reply.model())
        .tag("fallback", String.valueOf(!reply.provider().equals(primaryProvider)))
        .register(registry).increment();
    for (ToolCall call : reply.toolCalls()) {
      Counter.builder("coach.tool.calls").description("Tool calls the model made, by tool")
          .tag("tool", call.name()).register(registry).increment();
    }
    TokenUsage usage = reply.usage();
    tokens(reply.model(), "input", usage.inputTokens() - usage.cachedInputTokens());
    tokens(reply.model(), "cached_input", usage.cachedInputTokens());
    tokens(reply.model(), "output", usage.outputTokens());
    Counter.builder("coach.model.cost").baseUnit("usd").description("Cost of model usage at the configured prices")
        .tag("model", reply.model()).register(registry)
        .increment(prices.costMicros(reply.model(), usage) / 1_000_000.0);
  }

  private void tokens(String model, String type, long count) {
    Counter.builder("coach.model.tokens").baseUnit("tokens").description("Tokens used, by model and type")
        .tag("model", model).tag("type", type).register(registry).increment(count);
  }

  private void failed(ModelFailure failure, String mode, long start) {
    Timer.builder("coach.model.call").description("Model call latency (retries and fallbacks included)")
        .tag("mode", mode).tag("outcome", "failure").tag("provider", failure.provider())
        .publishPercentileHistogram().register(registry).record(Duration.ofNanos(System.nanoTime() - start));
    Counter.builder("coach.model.errors").description("Failed model calls (after retries and fallbacks), by kind")
        .tag("provider", failure.provider()).tag("kind", failure.kind().name().toLowerCase(java.util.Locale.ROOT))
        .register(registry).increment();
  }
}
