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
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * LangChain4j's HTTP client SPI over Apache HttpClient 5 classic (ADR-0024): one pool of HTTP/1.1 connections per
 * provider, each call blocking on the calling thread. Besides the transport it does three things LangChain4j's own
 * clients do not: error answers keep their headers ({@link ProviderHttpException}, for {@code Retry-After}); a
 * stream that sends no byte for the read timeout (a slow first token after the headers, or a stall) fails with a
 * timeout, which the socket timeout gives for every read; and a stream that ends without {@code data: [DONE]} (a
 * dropped connection) is an error, never a silent completion.
 *
 * <p>One instance serves both LangChain4j models of a provider (blocking and streaming) and is closed with the
 * chain; LangChain4j itself never closes an HTTP client.
 */
final class ProviderHttpClient implements HttpClient, AutoCloseable {

  /**
   * A pooled connection idle for longer than this is checked before it is reused, so that a connection the server
   * closed while it sat in the pool is replaced instead of failing the call. Shorter than any common server idle
   * timeout (uvicorn, which serves vLLM, closes after 5 s; nginx 75 s; the JDK server 30 s); under load connections
   * are reused within milliseconds and the check (a 1 ms read) does not run.
   */
  static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(1);

  /** Connections idle this long are closed in the background (one evictor thread per provider). */
  static final TimeValue EVICT_IDLE_AFTER = TimeValue.ofSeconds(30);

  /** Bodies up to this size with a Content-Length are read into an array of exactly their size. */
  private static final long EXACT_READ_LIMIT = 8_192;

  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient http;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Executor streamExecutor;

  /** The URL of the last call, parsed: a provider's calls all go to one URL, so this is parsed once. */
  private volatile Target target;

  private ProviderHttpClient(Duration connectTimeout, Duration readTimeout, int maxConnections,
      Executor streamExecutor) {
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
    this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout must not be null");
    this.streamExecutor = Objects.requireNonNull(streamExecutor, "streamExecutor must not be null");
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive but was " + maxConnections);
    }
    this.pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnTotal(maxConnections)
        .setMaxConnPerRoute(maxConnections)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY)
            .build())
        // The JVM's default TLS context, as the JDK client used (it honours the javax.net.ssl.* properties).
        .setTlsSocketStrategy(new DefaultClientTlsStrategy(defaultTls()))
        .build();
    this.http = HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(RequestConfig.custom()
            // Waiting for a free pooled connection counts as connecting.
            .setConnectionRequestTimeout(Timeout.of(connectTimeout))
            // No response timeout: it would only set the socket timeout again, to the same read timeout, on every
            // request. The socket timeout the pool sets on each lease (above) bounds the wait for the response
            // headers as it bounds every later read of the body.
            .build())
        // ProviderChain retries with backoff itself; redirects, cookies and compression were never on the wire.
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableContentCompression()
        .disableAuthCaching()
        .disableConnectionState()
        .evictExpiredConnections()
        .evictIdleConnections(EVICT_IDLE_AFTER)
        .build();
  }

  /** A client for one provider, its pool sized to {@code maxConnections} calls in flight at once. */
  static ProviderHttpClient create(Duration connectTimeout, Duration readTimeout, int maxConnections,
      Executor streamExecutor) {
    return new ProviderHttpClient(connectTimeout, readTimeout, maxConnections, streamExecutor);
  }

  /** A LangChain4j builder that hands out this client. */
  Builder builder() {
    return new Builder(this);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    Target to = target(request.url());
    HttpUriRequestBase call = toApache(request, to.uri());
    ClassicHttpResponse response = null;
    try {
      response = http.executeOpen(to.host(), call, null);
      int status = response.getCode();
      Map<String, List<String>> headers = headers(response);
      String body = readBody(response);
      if (status < 200 || status > 299) {
        throw new ProviderHttpException(status, headers, body);
      }
      return SuccessfulHttpResponse.builder()
          .statusCode(status)
          .headers(headers)
          .body(body)
          .build();
    } catch (IOException e) {
      call.cancel();
      throw failure(e);
    } finally {
      closeQuietly(response);
    }
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    Target to = target(request.url());
    HttpUriRequestBase call = toApache(request, to.uri());
    streamExecutor.execute(() -> stream(to.host(), call, parser, listener));
  }

  private void stream(HttpHost host, HttpUriRequestBase call, ServerSentEventParser parser,
      ServerSentEventListener listener) {
    ClassicHttpResponse response;
    try {
      response = http.executeOpen(host, call, null);
    } catch (IOException e) {
      call.cancel();
      listener.onError(streamFailure(e));
      return;
    } catch (RuntimeException e) {
      listener.onError(e);
      return;
    }
    try {
      int status = response.getCode();
      if (status < 200 || status > 299) {
        String body;
        try {
          body = readBody(response);
        } catch (IOException e) {
          call.cancel();
          body = "";
        }
        listener.onError(new ProviderHttpException(status, headers(response), body));
        return;
      }
      listener.onOpen(SuccessfulHttpResponse.builder()
          .statusCode(status)
          .headers(headers(response))
          .build());
      CompletionTracker tracker = new CompletionTracker(listener);
      try (InputStream body = new AbortingInputStream(content(response), call)) {
        parser.parse(body, tracker);
      } catch (IOException | RuntimeException e) {
        tracker.onError(e);
      }
      tracker.finish();
    } finally {
      closeQuietly(response);
    }
  }

  private static InputStream content(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    return entity == null ? InputStream.nullInputStream() : entity.getContent();
  }

  /** The whole body as UTF-8 (as the JDK client's {@code ofString(UTF_8)} read it, whatever the charset said). */
  private static String readBody(ClassicHttpResponse response) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return "";
    }
    long length = entity.getContentLength();
    try (InputStream in = entity.getContent()) {
      // With a Content-Length, exactly that many bytes into one array of that size (readAllBytes would read into
      // an 8 KB buffer and copy); closing the stream after the last byte returns the connection to the pool.
      byte[] bytes = length >= 0 && length <= EXACT_READ_LIMIT ? in.readNBytes((int) length) : in.readAllBytes();
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The response headers by name, case-insensitively, each with all its values in order. */
  private static Map<String, List<String>> headers(ClassicHttpResponse response) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    return headers;
  }

  /**
   * The request for Apache, to {@code uri} (the request's URL, parsed once for the provider, which also gives the
   * target host: reading it back from the request would rebuild it from its parts, encoding and decoding the path).
   */
  private static HttpUriRequestBase toApache(HttpRequest request, URI uri) {
    HttpUriRequestBase call = new HttpUriRequestBase(request.method().name(), uri);
    request.headers().forEach((name, values) -> {
      if (values != null) {
        values.forEach(value -> call.addHeader(name, value));
      }
    });
    if (request.body() != null) {
      // No content type on the entity: the one LangChain4j put in the headers is the only one sent.
      call.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), null));
    }
    return call;
  }

  /**
   * A failed exchange as LangChain4j and {@link AttemptFailure} expect it: a connect timeout stays an I/O failure
   * (the provider is unreachable, not slow), a read timeout is LangChain4j's {@link TimeoutException}, an interrupt
   * is {@link ProviderInterruptedException}, anything else an unchecked I/O failure.
   */
  private static RuntimeException failure(IOException e) {
    if (Thread.currentThread().isInterrupted()) {
      InterruptedException interrupted = new InterruptedException("interrupted while talking to the provider");
      interrupted.initCause(e);
      return new ProviderInterruptedException(interrupted);
    }
    if (e instanceof SocketTimeoutException && !(e instanceof ConnectTimeoutException)) {
      return new TimeoutException(e);
    }
    return new UncheckedIOException(e);
  }

  /**
   * A failure of a stream as the JDK client reported it: timeouts and interrupts mapped as in {@link #failure}, other
   * I/O failures (a connection refused or dropped) passed on as they are.
   */
  private static Throwable streamFailure(Throwable error) {
    if (error instanceof IOException io
        && (io instanceof SocketTimeoutException || Thread.currentThread().isInterrupted())) {
      return failure(io);
    }
    return error;
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException ignored) {
      // the connection is discarded either way
    }
  }

  private static SSLContext defaultTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no default TLS context", e);
    }
  }

  /** The parsed URL for {@code url}: the last one if it is the same URL, else parsed now (and kept). */
  private Target target(String url) {
    Target last = target;
    if (last != null && last.url().equals(url)) {
      return last;
    }
    Target parsed = Target.parse(url);
    target = parsed;
    return parsed;
  }

  /** A request URL, parsed: the URI the request is built from and the host it goes to. */
  private record Target(String url, URI uri, HttpHost host) {
    static Target parse(String url) {
      URI uri = URI.create(url);
      return new Target(url, uri, HttpHost.create(uri));
    }
  }

  /** Connections leased and available, for tests and diagnostics. */
  PoolStats poolStats() {
    return pool.getTotalStats();
  }

  /** Closes every pooled connection at once, including those of calls still in flight (which then fail). */
  @Override
  public void close() {
    http.close(CloseMode.IMMEDIATE);
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
      delegate.onError(streamFailure(error));
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
   * The body of a stream. Closed before its end without a failed read (a parse that stops early, as a cancelled one
   * does), it aborts the exchange first: closing Apache's body stream would otherwise read the rest of the response
   * to keep the connection, which for a model still generating means waiting for the whole answer. (A failed read
   * already discards the connection.) Read to its end, the connection goes back to the pool.
   */
  private static final class AbortingInputStream extends FilterInputStream {
    private final HttpUriRequestBase call;
    private boolean ended;

    AbortingInputStream(InputStream body, HttpUriRequestBase call) {
      super(body);
      this.call = call;
    }

    @Override
    public int read() throws IOException {
      return guard(super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return guard(super.read(buffer, offset, length));
    }

    private int guard(int n) {
      if (n == -1) {
        ended = true;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      if (!ended) {
        call.cancel();
        try {
          super.close();
        } catch (IOException ignored) {
          // the connection was just discarded
        }
        return;
      }
      super.close();
    }
  }

  /**
   * Hands LangChain4j the provider's client. LangChain4j's OpenAI client always pushes its own timeouts (15 s / 60 s
   * unless {@code timeout} is set, which sets both to one value) into the builder; the configured ones win, so those
   * setters are ignored.
   */
  static final class Builder implements HttpClientBuilder {
    private final ProviderHttpClient client;

    private Builder(ProviderHttpClient client) {
      this.client = client;
    }

    @Override
    public Duration connectTimeout() {
      return client.connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration ignored) {
      return this;
    }

    @Override
    public Duration readTimeout() {
      return client.readTimeout;
    }

    @Override
    public Builder readTimeout(Duration ignored) {
      return this;
    }

    @Override
    public ProviderHttpClient build() {
      return client;
    }
  }
}
