package dev.coachkit.adapter.openai.chat.internal;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's HTTP client SPI over the JDK client, doing three things LangChain4j's {@code JdkHttpClient} does not:
 * error answers keep their headers ({@link ProviderHttpException}, for {@code Retry-After}); a stream that sends no
 * byte for the read timeout (a slow first token after the headers, or a stall) fails with a timeout, since the JDK
 * request timeout only covers the wait for the headers; and a stream that ends without {@code data: [DONE]} (a
 * dropped connection) is an error, never a silent completion.
 */
final class ProviderHttpClient implements HttpClient {

  private final java.net.http.HttpClient delegate;
  private final Duration readTimeout;
  private final ScheduledExecutorService watchdog;
  private final Executor streamExecutor;

  private ProviderHttpClient(Builder builder) {
    this.delegate = java.net.http.HttpClient.newBuilder()
        .connectTimeout(builder.connectTimeout)
        .build();
    this.readTimeout = builder.readTimeout;
    this.watchdog = builder.watchdog;
    this.streamExecutor = builder.streamExecutor;
  }

  static Builder builder(Duration connectTimeout, Duration readTimeout, ScheduledExecutorService watchdog,
      Executor streamExecutor) {
    return new Builder(connectTimeout, readTimeout, watchdog, streamExecutor);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = delegate.send(toJdk(request), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw timeout(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderInterruptedException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw new ProviderHttpException(response.statusCode(), response.headers().map(), response.body());
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    delegate.sendAsync(toJdk(request), BodyHandlers.ofInputStream())
        .whenCompleteAsync((response, failure) -> {
          if (failure != null) {
            listener.onError(unwrap(failure));
            return;
          }
          if (response.statusCode() < 200 || response.statusCode() > 299) {
            String body;
            try (InputStream in = response.body()) {
              body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
              body = "";
            }
            listener.onError(new ProviderHttpException(response.statusCode(), response.headers().map(), body));
            return;
          }
          listener.onOpen(SuccessfulHttpResponse.builder()
              .statusCode(response.statusCode())
              .headers(response.headers().map())
              .build());
          CompletionTracker tracker = new CompletionTracker(listener);
          try (InputStream body = new IdleTimeoutInputStream(response.body(), readTimeout, watchdog)) {
            parser.parse(body, tracker);
          } catch (IOException | RuntimeException e) {
            tracker.onError(e);
          }
          tracker.finish();
        }, streamExecutor);
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    URI uri = URI.create(request.url());
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder()
        .uri(uri)
        .timeout(readTimeout);
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // Plain-text providers (a local Ollama, vLLM, the simulator) speak HTTP/1.1. Left at the client's default
      // (HTTP/2), every request first offers an h2c upgrade, which made each call about four times slower
      // against an HTTP/1.1 server here (2.4 ms against 0.6 ms a request). Over TLS, HTTP/2 is negotiated by ALPN.
      builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
    }
    request.headers().forEach((name, values) -> {
      if (values != null) {
        values.forEach(value -> builder.header(name, value));
      }
    });
    builder.method(request.method().name(), request.body() == null
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    return builder.build();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof HttpTimeoutException timeout ? timeout(timeout) : t;
  }

  private static RuntimeException timeout(HttpTimeoutException e) {
    // A connect timeout means the provider is unreachable, not slow: keep it recognisable.
    return e instanceof java.net.http.HttpConnectTimeoutException ? new UncheckedIOException(e)
        : new TimeoutException(e);
  }

  /** Passes events on, and ends the stream exactly once: onClose after [DONE], else onError. */
  private static final class CompletionTracker implements ServerSentEventListener {
    private final ServerSentEventListener delegate;
    private boolean done;
    private boolean failed;

    CompletionTracker(ServerSentEventListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
      if (failed) {
        return;
      }
      if ("[DONE]".equals(event.data())) {
        done = true;
      }
      delegate.onEvent(event, context);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
      onEvent(event, null);
    }

    @Override
    public void onError(Throwable error) {
      if (failed) {
        return;
      }
      failed = true;
      delegate.onError(error instanceof HttpTimeoutException timeout ? timeout(timeout) : error);
    }

    void finish() {
      if (failed) {
        return;
      }
      if (done) {
        delegate.onClose();
      } else {
        onError(new EOFException("the stream ended before data: [DONE]"));
      }
    }
  }

  /**
   * Fails a read that gets no byte within the timeout: a watchdog closes the body (which unblocks the read) and the
   * read then reports a timeout instead of the end of the stream.
   */
  private static final class IdleTimeoutInputStream extends InputStream {
    private final InputStream delegate;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog;
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream delegate, Duration timeout, ScheduledExecutorService watchdog) {
      this.delegate = delegate;
      this.timeout = timeout;
      this.watchdog = watchdog;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      ScheduledFuture<?> alarm = watchdog.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
      int n;
      try {
        n = delegate.read(buffer, offset, length);
      } catch (IOException e) {
        if (timedOut) {
          throw idle();
        }
        throw e;
      } finally {
        alarm.cancel(false);
      }
      if (n == -1 && timedOut) {
        throw idle();
      }
      return n;
    }

    private HttpTimeoutException idle() {
      return new HttpTimeoutException("no data from the provider for " + timeout.toMillis() + " ms");
    }

    private void expire() {
      timedOut = true;
      try {
        delegate.close();
      } catch (IOException ignored) {
        // closing is all that is wanted
      }
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  /**
   * Builds the client with the provider's configured timeouts. LangChain4j's OpenAI client always pushes its own
   * timeouts (15 s / 60 s unless {@code timeout} is set, which sets both to one value) into the builder; the
   * configured ones win, so those setters are ignored.
   */
  static final class Builder implements HttpClientBuilder {
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final ScheduledExecutorService watchdog;
    private final Executor streamExecutor;

    private Builder(Duration connectTimeout, Duration readTimeout, ScheduledExecutorService watchdog,
        Executor streamExecutor) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout must not be null");
      this.watchdog = Objects.requireNonNull(watchdog, "watchdog must not be null");
      this.streamExecutor = Objects.requireNonNull(streamExecutor, "streamExecutor must not be null");
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration ignored) {
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration ignored) {
      return this;
    }

    @Override
    public ProviderHttpClient build() {
      return new ProviderHttpClient(this);
    }
  }
}
