package dev.coachkit.adapter.openai.chat.internal;

import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelFailure.Kind;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.out.model.ModelStreamListener;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The providers in order, each a LangChain4j OpenAI chat model (blocking and streaming, LangChain4j's own retries
 * off), with this adapter's retry policy per provider and the fallback from one provider to the next.
 *
 * <p>A stream is retried or falls back only while nothing has reached the listener; once a delta or tool call was
 * delivered, a failure ends the stream (a dropped connection is then {@code INTERRUPTED}).
 */
public final class ProviderChain implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ProviderChain.class);
  private static final String NO_PROVIDER = "none";

  private final ChatSettings settings;
  private final List<Provider> providers;
  private final ExecutorService workers;

  /** One configured provider, its connection pool and its two LangChain4j models, which share the pool. */
  private record Provider(ProviderSettings settings, ProviderHttpClient http, ChatModel blocking,
      StreamingChatModel streaming) {
    String name() {
      return settings.name();
    }
  }

  public ProviderChain(ChatSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.workers = Executors.newCachedThreadPool(daemonThreads("coach-openai-stream"));
    List<Provider> built = new ArrayList<>();
    for (ProviderSettings p : settings.providers()) {
      ProviderHttpClient http = ProviderHttpClient.create(p.connectTimeout(), p.readTimeout(), p.maxConnections(),
          workers);
      built.add(new Provider(p, http, blockingModel(p, http), streamingModel(p, http)));
    }
    this.providers = List.copyOf(built);
  }

  private static ChatModel blockingModel(ProviderSettings p, ProviderHttpClient http) {
    return OpenAiChatModel.builder()
        .httpClientBuilder(http.builder())
        .baseUrl(p.baseUrl())
        .apiKey(p.bearerKey().orElse(null))
        .customHeaders(p.extraHeaders())
        .customQueryParams(p.queryParams())
        .modelName(p.model())
        .strictJsonSchema(true)
        .strictTools(false)
        .maxRetries(0)
        .build();
  }

  private static StreamingChatModel streamingModel(ProviderSettings p, ProviderHttpClient http) {
    return OpenAiStreamingChatModel.builder()
        .httpClientBuilder(http.builder())
        .baseUrl(p.baseUrl())
        .apiKey(p.bearerKey().orElse(null))
        .customHeaders(p.extraHeaders())
        .customQueryParams(p.queryParams())
        .modelName(p.model())
        .strictJsonSchema(true)
        .strictTools(false)
        .build();
  }

  public boolean configured() {
    return !providers.isEmpty();
  }

  /** The chain in one line, without secrets, for the server banner. */
  public String describe() {
    if (providers.isEmpty()) {
      return "chat model: NOT CONFIGURED" + (settings.notes().isEmpty() ? "" : " (" + String.join("; ",
          settings.notes()) + ")") + "; to configure one, " + ChatSettings.HOW_TO_CONFIGURE;
    }
    StringBuilder out = new StringBuilder("chat model: ").append(providers.get(0).settings().describe());
    for (int i = 1; i < providers.size(); i++) {
      out.append(i == 1 ? ", falling back to " : ", then ").append(providers.get(i).settings().describe());
    }
    out.append("; up to ").append(settings.retry().maxAttempts()).append(" attempts per provider");
    if (!settings.notes().isEmpty()) {
      out.append(" (").append(String.join("; ", settings.notes())).append(")");
    }
    return out.toString();
  }

  // ---------------------------------------------------------------- blocking

  public ModelReply reply(ModelRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    if (providers.isEmpty()) {
      throw notConfigured();
    }
    List<String> failures = new ArrayList<>();
    for (int i = 0; ; i++) {
      Provider provider = providers.get(i);
      Outcome outcome = replyWithRetries(provider, request);
      if (outcome.reply() != null) {
        return outcome.reply();
      }
      AttemptFailure failure = outcome.failure();
      failures.add(provider.name() + ": " + failure.message());
      if (!failure.fallback() || i == providers.size() - 1) {
        throw finalFailure(provider, failure, failures);
      }
      LOG.warnf("chat provider %s failed (%s), falling back to %s", provider.name(), failure.message(),
          providers.get(i + 1).name());
    }
  }

  /** The reply of one provider, or the failure that ended its attempts. */
  private record Outcome(ModelReply reply, AttemptFailure failure) {
  }

  private Outcome replyWithRetries(Provider provider, ModelRequest request) {
    ChatRequest chatRequest = toChatRequest(request, provider);
    for (int attempt = 1; ; attempt++) {
      ChatResponse response;
      try {
        response = provider.blocking().chat(chatRequest);
      } catch (RuntimeException e) {
        AttemptFailure failure = AttemptFailure.classify(e, settings.clock());
        if (failure.kind() == Kind.INTERRUPTED) {
          Thread.currentThread().interrupt();
          throw failure.toModelFailure(provider.name());
        }
        Optional<Duration> wait = nextWait(failure, attempt);
        if (wait.isEmpty()) {
          return new Outcome(null, failure);
        }
        LOG.infof("chat provider %s attempt %d failed (%s), retrying in %d ms", provider.name(), attempt,
            failure.message(), wait.get().toMillis());
        try {
          settings.sleeper().sleep(wait.get());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ModelFailure(Kind.INTERRUPTED, provider.name(), "interrupted while waiting to retry",
              Optional.empty(), interrupted);
        }
        continue;
      }
      return new Outcome(ChatMapping.toReply(response, provider.settings()), null);
    }
  }

  // ---------------------------------------------------------------- streaming

  public void stream(ModelRequest request, ModelStreamListener listener) {
    Objects.requireNonNull(request, "request must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    SafeListener safe = new SafeListener(listener);
    if (providers.isEmpty()) {
      safe.onError(notConfigured());
      return;
    }
    new StreamRun(request, safe).start(0, 1);
  }

  private final class StreamRun {
    private final ModelRequest request;
    private final SafeListener listener;
    private final List<String> failures = new ArrayList<>();
    private volatile boolean emitted;

    StreamRun(ModelRequest request, SafeListener listener) {
      this.request = request;
      this.listener = listener;
    }

    void start(int index, int attempt) {
      Provider provider = providers.get(index);
      Attempt handler = new Attempt(index, attempt);
      ChatRequest chatRequest;
      try {
        chatRequest = toChatRequest(request, provider);
      } catch (ModelFailure failure) {
        listener.onError(failure);
        return;
      }
      try {
        provider.streaming().chat(chatRequest, handler);
      } catch (RuntimeException e) {
        handler.onError(e);
      }
    }

    /** The handler of one attempt; after its first terminal callback it ignores everything. */
    private final class Attempt implements StreamingChatResponseHandler {
      private final int index;
      private final int attempt;
      private final AtomicBoolean over = new AtomicBoolean();

      Attempt(int index, int attempt) {
        this.index = index;
        this.attempt = attempt;
      }

      private Provider provider() {
        return providers.get(index);
      }

      @Override
      public void onPartialResponse(String text) {
        if (over.get() || text == null || text.isEmpty()) {
          return;
        }
        emitted = true;
        listener.onDelta(text);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        if (!over.compareAndSet(false, true)) {
          return;
        }
        ModelReply reply;
        try {
          reply = ChatMapping.toReply(response, provider().settings());
        } catch (RuntimeException e) {
          fail(e);
          return;
        }
        for (ToolCall call : reply.toolCalls()) {
          emitted = true;
          listener.onToolCall(call);
        }
        listener.onComplete(reply);
      }

      @Override
      public void onError(Throwable error) {
        if (!over.compareAndSet(false, true)) {
          return;
        }
        fail(error);
      }

      private void fail(Throwable error) {
        AttemptFailure failure = AttemptFailure.classify(error, settings.clock());
        String name = provider().name();
        if (emitted) {
          Kind kind = failure.kind() == Kind.UNAVAILABLE ? Kind.INTERRUPTED : failure.kind();
          listener.onError(failure.toModelFailure(name, kind,
              "the stream broke off after part of the answer was delivered: " + failure.message()));
          return;
        }
        if (failure.kind() == Kind.INTERRUPTED) {
          listener.onError(failure.toModelFailure(name));
          return;
        }
        Optional<Duration> wait = nextWait(failure, attempt);
        if (wait.isPresent()) {
          LOG.infof("chat provider %s stream attempt %d failed (%s), retrying in %d ms", name, attempt,
              failure.message(), wait.get().toMillis());
          execute(() -> {
            try {
              settings.sleeper().sleep(wait.get());
            } catch (InterruptedException interrupted) {
              listener.onError(new ModelFailure(Kind.INTERRUPTED, name, "interrupted while waiting to retry",
                  Optional.empty(), interrupted));
              return;
            }
            start(index, attempt + 1);
          }, name);
          return;
        }
        failures.add(name + ": " + failure.message());
        if (failure.fallback() && index + 1 < providers.size()) {
          LOG.warnf("chat provider %s failed (%s), falling back to %s", name, failure.message(),
              providers.get(index + 1).name());
          execute(() -> start(index + 1, 1), name);
          return;
        }
        listener.onError(finalFailure(provider(), failure, failures));
      }

      private void execute(Runnable task, String name) {
        try {
          workers.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
          listener.onError(new ModelFailure(Kind.INTERRUPTED, name, "the chat adapter is shutting down"));
        }
      }
    }
  }

  /**
   * Shields the stream from a listener that throws, and guarantees exactly one terminal callback with nothing after
   * it.
   */
  private static final class SafeListener implements ModelStreamListener {
    private final ModelStreamListener delegate;
    private final AtomicBoolean ended = new AtomicBoolean();

    SafeListener(ModelStreamListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onDelta(String text) {
      if (!ended.get()) {
        guard(() -> delegate.onDelta(text), "onDelta");
      }
    }

    @Override
    public void onToolCall(ToolCall call) {
      if (!ended.get()) {
        guard(() -> delegate.onToolCall(call), "onToolCall");
      }
    }

    @Override
    public void onComplete(ModelReply reply) {
      if (ended.compareAndSet(false, true)) {
        guard(() -> delegate.onComplete(reply), "onComplete");
      }
    }

    @Override
    public void onError(ModelFailure failure) {
      if (ended.compareAndSet(false, true)) {
        guard(() -> delegate.onError(failure), "onError");
      }
    }

    private static void guard(Runnable callback, String which) {
      try {
        callback.run();
      } catch (RuntimeException e) {
        LOG.errorf(e, "a model stream listener threw from %s", which);
      }
    }
  }

  // ---------------------------------------------------------------- shared

  private ChatRequest toChatRequest(ModelRequest request, Provider provider) {
    try {
      return ChatMapping.toChatRequest(request, provider.settings(), settings.strictTools());
    } catch (RuntimeException e) {
      throw new ModelFailure(Kind.REJECTED_REQUEST, provider.name(),
          "the request cannot be expressed for the provider: " + e.getMessage(), Optional.empty(), e);
    }
  }

  /** The wait before the next attempt, or empty when this provider is done. */
  private Optional<Duration> nextWait(AttemptFailure failure, int attempt) {
    if (!failure.retryable() || attempt >= settings.retry().maxAttempts()) {
      return Optional.empty();
    }
    if (failure.retryAfter().isPresent() && settings.retry().tooLong(failure.retryAfter().get())) {
      return Optional.empty();
    }
    return Optional.of(settings.retry().delayBefore(attempt, failure.retryAfter(), settings.random().getAsDouble()));
  }

  private static ModelFailure finalFailure(Provider provider, AttemptFailure failure, List<String> failures) {
    if (failures.size() <= 1) {
      return failure.toModelFailure(provider.name());
    }
    return failure.toModelFailure(provider.name(), failure.kind(),
        "every provider failed: " + String.join("; ", failures));
  }

  private ModelFailure notConfigured() {
    return new ModelFailure(Kind.NOT_CONFIGURED, NO_PROVIDER, "No language model provider is configured"
        + (settings.notes().isEmpty() ? "" : " (" + String.join("; ", settings.notes()) + ")") + ". To configure one, "
        + ChatSettings.HOW_TO_CONFIGURE + ".");
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Stops the stream threads and closes every provider's connections (calls in flight then fail). */
  @Override
  public void close() {
    workers.shutdownNow();
    for (Provider provider : providers) {
      provider.http().close();
    }
  }
}
