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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The model port with metrics around it: model-call latency, time to the first streamed token, tool calls by name,
 * replies by provider (a reply from a provider other than the primary one is a fallback), failures by kind, tokens
 * and cost. The domain sees the plain {@link CoachModel} contract. Metric names: docs/reference/metrics.md.
 *
 * <p>The meters of each combination of tags are looked up in the registry once and then kept here: a meter
 * builder's {@code register} builds the meter's id and runs the registry's filters on every call, six times a
 * reply, which showed in the chat-turn benchmark's profile. The combinations are few (modes, providers, the models
 * they answer with, tool names, failure kinds).
 */
public final class MeteredCoachModel implements CoachModel {

  private final CoachModel delegate;
  private final MeterRegistry registry;
  private final PriceTable prices;
  private final String primaryProvider;
  private final Map<String, ReplyMeters> replyMeters = new ConcurrentHashMap<>();
  private final Map<String, Counter> toolCalls = new ConcurrentHashMap<>();
  private final Map<String, FailureMeters> failureMeters = new ConcurrentHashMap<>();
  private volatile Timer firstToken;

  /** The meters of a reply from one provider and model in one mode. */
  private record ReplyMeters(Timer call, Counter replies, Counter input, Counter cachedInput, Counter output,
      Counter cost) {}

  /** The meters of a failure of one kind from one provider in one mode. */
  private record FailureMeters(Timer call, Counter errors) {}

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
      Timer timer = firstToken;
      if (timer == null) {
        timer = Timer.builder("coach.model.first.token").description("Streamed model call: request to the first token")
            .publishPercentileHistogram().register(registry);
        firstToken = timer;
      }
      timer.record(Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void replied(ModelReply reply, String mode, long start) {
    ReplyMeters meters = replyMeters.computeIfAbsent(mode + '\n' + reply.provider() + '\n' + reply.model(),
        key -> replyMeters(mode, reply.provider(), reply.model()));
    meters.call().record(Duration.ofNanos(System.nanoTime() - start));
    meters.replies().increment();
    for (ToolCall call : reply.toolCalls()) {
      toolCalls.computeIfAbsent(call.name(), name -> Counter.builder("coach.tool.calls")
          .description("Tool calls the model made, by tool").tag("tool", name).register(registry)).increment();
    }
    TokenUsage usage = reply.usage();
    meters.input().increment(usage.inputTokens() - usage.cachedInputTokens());
    meters.cachedInput().increment(usage.cachedInputTokens());
    meters.output().increment(usage.outputTokens());
    meters.cost().increment(prices.costMicros(reply.model(), usage) / 1_000_000.0);
  }

  private ReplyMeters replyMeters(String mode, String provider, String model) {
    return new ReplyMeters(
        Timer.builder("coach.model.call").description("Model call latency (retries and fallbacks included)")
            .tag("mode", mode).tag("outcome", "reply").tag("provider", provider)
            .publishPercentileHistogram().register(registry),
        Counter.builder("coach.model.replies").description("Model replies by provider and model")
            .tag("provider", provider).tag("model", model)
            .tag("fallback", String.valueOf(!provider.equals(primaryProvider)))
            .register(registry),
        tokens(model, "input"),
        tokens(model, "cached_input"),
        tokens(model, "output"),
        Counter.builder("coach.model.cost").baseUnit("usd").description("Cost of model usage at the configured prices")
            .tag("model", model).register(registry));
  }

  private Counter tokens(String model, String type) {
    return Counter.builder("coach.model.tokens").baseUnit("tokens").description("Tokens used, by model and type")
        .tag("model", model).tag("type", type).register(registry);
  }

  private void failed(ModelFailure failure, String mode, long start) {
    String kind = failure.kind().name().toLowerCase(Locale.ROOT);
    FailureMeters meters = failureMeters.computeIfAbsent(mode + '\n' + failure.provider() + '\n' + kind,
        key -> new FailureMeters(
            Timer.builder("coach.model.call").description("Model call latency (retries and fallbacks included)")
                .tag("mode", mode).tag("outcome", "failure").tag("provider", failure.provider())
                .publishPercentileHistogram().register(registry),
            Counter.builder("coach.model.errors")
                .description("Failed model calls (after retries and fallbacks), by kind")
                .tag("provider", failure.provider()).tag("kind", kind).register(registry)));
    meters.call().record(Duration.ofNanos(System.nanoTime() - start));
    meters.errors().increment();
  }
}
