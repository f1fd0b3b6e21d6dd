package dev.coachkit.adapter.openai.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelFailure.Kind;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.out.model.ModelStreamListener;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport's connection pool against a server that counts connections: size, reuse, stale connections, close. */
class ProviderHttpClientTest {

  private static final Duration CONNECT = Duration.ofSeconds(2);
  private static final Duration READ = Duration.ofSeconds(10);
  private static final String COMPLETION = """
      {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Hi there"},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""";

  private static final String STREAM = "data: {\"delta\":\"Hi\"}\n\ndata: [DONE]\n\n";

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    callers.shutdownNow();
  }

  private CountingHttpServer server(Duration closeIdleAfter) throws IOException {
    CountingHttpServer server = new CountingHttpServer(COMPLETION, closeIdleAfter);
    toClose.add(server);
    return server;
  }

  private ProviderHttpClient client(int maxConnections) {
    return client(CONNECT, READ, maxConnections);
  }

  private ProviderHttpClient client(Duration connect, Duration read, int maxConnections) {
    ProviderHttpClient client = ProviderHttpClient.create(connect, read, maxConnections, callers);
    toClose.add(client);
    return client;
  }

  /** Records a stream's events and its one terminal callback (onClose or onError). */
  private static final class StreamRecorder implements ServerSentEventListener {
    final List<String> data = new CopyOnWriteArrayList<>();
    final CompletableFuture<Throwable> end = new CompletableFuture<>();
    final List<String> terminals = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
      data.add(event.data());
    }

    @Override
    public void onError(Throwable error) {
      terminals.add("error");
      end.complete(error);
    }

    @Override
    public void onClose() {
      terminals.add("close");
      end.complete(null);
    }
  }

  private static HttpRequest post(CountingHttpServer server) {
    return HttpRequest.builder()
        .method(HttpMethod.POST)
        .url(server.url() + "/v1/chat/completions")
        .addHeader("Content-Type", "application/json")
        .addHeader("Authorization", "Bearer sk-test")
        .addHeader("User-Agent", "langchain4j-openai")
        .body("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
        .build();
  }

  private List<Future<SuccessfulHttpResponse>> callAtOnce(ProviderHttpClient client, CountingHttpServer server,
      int calls) {
    List<Future<SuccessfulHttpResponse>> answers = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      answers.add(callers.submit(() -> client.execute(post(server))));
    }
    return answers;
  }

  private static void awaitValue(IntSupplier value, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (value.getAsInt() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(value.getAsInt()).isEqualTo(expected);
  }

  @Test
  void givenPoolAsLargeAsTheCalls_concurrentCalls_areAllInFlightAtOnce() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(6);
    server.hold();

    List<Future<SuccessfulHttpResponse>> answers = callAtOnce(client, server, 6);
    awaitValue(server::inFlight, 6);
    server.release();

    for (Future<SuccessfulHttpResponse> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(server.maxInFlight()).isEqualTo(6);
    assertThat(server.accepted()).isEqualTo(6);
  }

  @Test
  void givenPoolSmallerThanTheCalls_concurrentCalls_waitForAFreeConnection() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(2);
    server.hold();

    List<Future<SuccessfulHttpResponse>> answers = callAtOnce(client, server, 6);
    awaitValue(server::inFlight, 2);
    Thread.sleep(300);
    assertThat(server.inFlight()).isEqualTo(2);
    assertThat(client.poolStats().getPending()).isEqualTo(4);
    server.release();

    for (Future<SuccessfulHttpResponse> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS).body()).contains("Hi there");
    }
    assertThat(server.maxInFlight()).isEqualTo(2);
    assertThat(server.requests()).isEqualTo(6);
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void givenPoolBusyForLongerThanTheConnectTimeout_execute_failsAsAConnectionError() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(Duration.ofMillis(300), READ, 1);
    server.hold();
    Future<SuccessfulHttpResponse> first = callers.submit(() -> client.execute(post(server)));
    awaitValue(server::inFlight, 1);
    long start = System.nanoTime();

    Future<SuccessfulHttpResponse> second = callers.submit(() -> client.execute(post(server)));

    Throwable thrown = catchThrowable(() -> second.get(10, TimeUnit.SECONDS))
        .getCause();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(thrown).isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(ConnectionRequestTimeoutException.class);
    AttemptFailure failure = AttemptFailure.classify(thrown, Clock.systemUTC());
    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.retryable()).isTrue();
    assertThat(failure.fallback()).isTrue();
    server.release();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void givenSequentialCalls_execute_reusesOneConnection() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(8);

    for (int i = 0; i < 5; i++) {
      assertThat(client.execute(post(server)).statusCode()).isEqualTo(200);
    }

    assertThat(server.requests()).isEqualTo(5);
    assertThat(server.accepted()).isEqualTo(1);
    assertThat(client.poolStats().getAvailable()).isEqualTo(1);
  }

  @Test
  void givenServerClosedTheIdleConnection_nextCall_succeedsOnANewConnection() throws Exception {
    CountingHttpServer server = server(Duration.ofMillis(300));
    ProviderHttpClient client = client(8);
    assertThat(client.execute(post(server)).statusCode()).isEqualTo(200);

    // Idle for longer than the server's idle timeout and than the pool's validate-after-inactivity (1 s).
    awaitValue(server::closedIdle, 1);
    Thread.sleep(1_500);

    assertThat(client.execute(post(server)).body()).contains("Hi there");
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void givenServerAnswersConnectionClose_nextCall_opensANewConnection() throws Exception {
    CountingHttpServer server = server(null);
    server.answerWith("200 OK", "Connection: close\r\n");
    ProviderHttpClient client = client(8);

    assertThat(client.execute(post(server)).body()).contains("Hi there");
    assertThat(client.execute(post(server)).body()).contains("Hi there");

    assertThat(server.accepted()).isEqualTo(2);
    assertThat(client.poolStats().getLeased()).isZero();
    assertThat(client.poolStats().getAvailable()).isZero();
  }

  @Test
  void givenServerKeepsConnectionsAliveForOneSecond_callsWithinIt_reuseAndCallsAfterIt_reconnect() throws Exception {
    CountingHttpServer server = server(null);
    server.answerWith("200 OK", "Connection: keep-alive\r\nKeep-Alive: timeout=1\r\n");
    ProviderHttpClient client = client(8);

    client.execute(post(server));
    client.execute(post(server));
    assertThat(server.accepted()).isEqualTo(1);
    // The server keeps the connection open: only the expired keep-alive makes the pool give it up.
    Thread.sleep(1_300);
    client.execute(post(server));

    assertThat(server.accepted()).isEqualTo(2);
    assertThat(server.requests()).isEqualTo(3);
  }

  @Test
  void givenA401WithABearerChallenge_execute_failsWithItAtOnceAndKeepsTheConnection() throws Exception {
    CountingHttpServer server = server(null);
    server.answerWith("401 Unauthorized", "WWW-Authenticate: Bearer realm=\"OpenAI\"\r\n");
    ProviderHttpClient client = client(8);

    Throwable thrown = catchThrowable(() -> client.execute(post(server)));

    assertThat(thrown).isInstanceOfSatisfying(ProviderHttpException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.header("www-authenticate")).contains("Bearer realm=\"OpenAI\"");
      assertThat(e.body()).contains("Hi there");
    });
    // No authentication attempt (there are no credentials), and the connection goes back to the pool.
    assertThat(server.requests()).isEqualTo(1);
    server.answerWith("200 OK", "");
    assertThat(client.execute(post(server)).statusCode()).isEqualTo(200);
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void givenAServerThatDoesNotAnswerOnAPooledConnection_execute_failsTimeoutAfterTheReadTimeout() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(CONNECT, Duration.ofMillis(500), 8);
    assertThat(client.execute(post(server)).statusCode()).isEqualTo(200);
    server.hold();
    long start = System.nanoTime();

    Throwable thrown = catchThrowable(() -> client.execute(post(server)));

    // The connection came back from the pool (where it waits without a timeout): the read timeout bounds the wait
    // for the response headers on it too.
    assertThat(thrown).isInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofMillis(1_400));
    assertThat(server.accepted()).isEqualTo(1);
    assertThat(client.poolStats().getLeased()).isZero();
  }

  @Test
  void givenAPooledConnection_close_closesItAndRefusesFurtherCalls() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(8);
    client.execute(post(server));
    assertThat(server.closedByClient()).isZero();

    client.close();

    awaitValue(server::closedByClient, 1);
    assertThatThrownBy(() -> client.execute(post(server))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenACall_execute_sendsOnlyTheHeadersTheJdkClientSent() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(8);

    client.execute(post(server));

    // The JDK client (HTTP/1.1) sent Content-Length, Host, the caller's headers and nothing else; Apache adds
    // Connection: keep-alive, HTTP/1.1's default anyway. No Accept-Encoding (compression stays off), no Cookie,
    // no Expect.
    assertThat(server.headerNames()).hasSize(1);
    assertThat(server.headerNames().get(0)).containsExactlyInAnyOrder("content-type", "authorization", "user-agent",
        "content-length", "host", "connection");
  }

  /** The request line and the header lines of the server's only request, and the body it read. */
  private record Wire(String requestLine, List<String> headers, String body) {
    static Wire onlyRequestTo(CountingHttpServer server) {
      assertThat(server.heads()).hasSize(1);
      List<String> head = server.heads().get(0);
      return new Wire(head.get(0), head.subList(1, head.size()), server.bodies().get(0));
    }

    /** The Content-Length header line this body needs. */
    String contentLength() {
      return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private static String host(CountingHttpServer server) {
    return "Host: " + server.url().substring("http://".length());
  }

  private static ProviderChain chainFor(ProviderSettings settings, List<AutoCloseable> toClose) {
    ProviderChain chain = new ProviderChain(new ChatSettings(List.of(settings), RetryPolicy.DEFAULT, true,
        Sleeper.SYSTEM, () -> 0.0, Clock.systemUTC(), List.of()));
    toClose.add(chain);
    return chain;
  }

  @Test
  void givenAnOpenAiProvider_reply_sendsExactlyThisRequestLineAndTheseHeaders() throws Exception {
    CountingHttpServer server = server(null);
    ProviderChain chain = chainFor(ProviderSettings.openAi("openai", server.url() + "/v1", "sk-test", "gpt-4o-mini",
        CONNECT, READ), toClose);

    assertThat(chain.reply(userSaysHi()).text()).isEqualTo("Hi there");

    Wire wire = Wire.onlyRequestTo(server);
    assertThat(wire.requestLine()).isEqualTo("POST /v1/chat/completions HTTP/1.1");
    assertThat(wire.body()).startsWith("{").endsWith("}").contains("\"model\" : \"gpt-4o-mini\"");
    assertThat(wire.headers()).containsExactlyInAnyOrder(
        "Authorization: Bearer sk-test",
        "User-Agent: langchain4j-openai",
        "Content-Type: application/json",
        host(server),
        wire.contentLength(),
        "Connection: keep-alive");
  }

  @Test
  void givenAnAzureProvider_reply_sendsTheApiVersionAndTheApiKeyHeaderAndNothingElse() throws Exception {
    CountingHttpServer server = server(null);
    ProviderChain chain = chainFor(ProviderSettings.azure("azure", server.url(), "coach", "2024-10-21", "az-key",
        Optional.empty(), CONNECT, READ), toClose);

    assertThat(chain.reply(userSaysHi()).text()).isEqualTo("Hi there");

    Wire wire = Wire.onlyRequestTo(server);
    assertThat(wire.requestLine())
        .isEqualTo("POST /openai/deployments/coach/chat/completions?api-version=2024-10-21 HTTP/1.1");
    assertThat(wire.headers()).containsExactlyInAnyOrder(
        "api-key: az-key",
        "User-Agent: langchain4j-openai",
        "Content-Type: application/json",
        host(server),
        wire.contentLength(),
        "Connection: keep-alive");
  }

  @Test
  void givenAStreamedReply_stream_sendsTheSameHeadersAsABlockingOne() throws Exception {
    CountingHttpServer server = new CountingHttpServer("data: {\"id\":\"chatcmpl-1\",\"object\":"
        + "\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
        + "\"delta\":{\"role\":\"assistant\",\"content\":\"Hi there\"},\"finish_reason\":\"stop\"}]}\n\n"
        + "data: [DONE]\n\n", null);
    toClose.add(server);
    ProviderChain chain = chainFor(ProviderSettings.openAi("openai", server.url() + "/v1", "sk-test", "gpt-4o-mini",
        CONNECT, READ), toClose);
    CompletableFuture<Object> end = new CompletableFuture<>();

    chain.stream(userSaysHi(), new ModelStreamListener() {
      @Override
      public void onDelta(String text) {
      }

      @Override
      public void onToolCall(ToolCall call) {
      }

      @Override
      public void onComplete(ModelReply reply) {
        end.complete(reply.text());
      }

      @Override
      public void onError(ModelFailure failure) {
        end.complete(failure);
      }
    });

    assertThat(end.get(10, TimeUnit.SECONDS)).isEqualTo("Hi there");
    Wire wire = Wire.onlyRequestTo(server);
    assertThat(wire.requestLine()).isEqualTo("POST /v1/chat/completions HTTP/1.1");
    assertThat(wire.body()).contains("\"stream\" : true");
    assertThat(wire.headers()).containsExactlyInAnyOrder(
        "Authorization: Bearer sk-test",
        "User-Agent: langchain4j-openai",
        "Content-Type: application/json",
        host(server),
        wire.contentLength(),
        "Connection: keep-alive");
  }

  @Test
  void givenAnEncodedPathAndQuery_execute_sendsThemAsGivenWithApacheDefaultsOnlyWhereTheCallerSetNone()
      throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(8);

    client.execute(HttpRequest.builder()
        .method(HttpMethod.POST)
        .url(server.url() + "/v1/a%20b/chat/completions?x=a%20b&y=%2F%3D&z=")
        .addHeader("X-Extra", "one")
        .body("{\"ü\":1}")
        .build());

    Wire wire = Wire.onlyRequestTo(server);
    assertThat(wire.requestLine()).isEqualTo("POST /v1/a%20b/chat/completions?x=a%20b&y=%2F%3D&z= HTTP/1.1");
    assertThat(wire.body()).isEqualTo("{\"ü\":1}");
    // No content type from the client itself; Apache's user agent only because the caller sent none (LangChain4j
    // always sends its own).
    assertThat(wire.headers()).hasSize(5).contains(
        "X-Extra: one",
        host(server),
        "Content-Length: 8",
        "Connection: keep-alive");
    assertThat(wire.headers()).anySatisfy(line -> assertThat(line).startsWith("User-Agent: Apache-HttpClient/"));
  }

  @Test
  void givenAnHttpsProvider_calls_goOverTlsOnOneKeptAliveConnectionWithTheSameHeaders(@TempDir Path dir)
      throws Exception {
    // A self-signed certificate for 127.0.0.1, trusted through the JVM's default TLS context (which the client uses).
    Path keys = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    KeyStore serverKeys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keys)) {
      serverKeys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(serverKeys, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keyManagers.getKeyManagers(), null, null);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", serverKeys.getCertificate("server"));
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trusted);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, trustManagers.getTrustManagers(), null);
    CountingHttpServer server = CountingHttpServer.overTls(COMPLETION, serverTls);
    toClose.add(server);
    SSLContext jvmDefault = SSLContext.getDefault();
    ProviderHttpClient client;
    SSLContext.setDefault(clientTls);
    try {
      client = client(8);
    } finally {
      SSLContext.setDefault(jvmDefault);
    }

    assertThat(client.execute(post(server)).body()).contains("Hi there");
    assertThat(client.execute(post(server)).body()).contains("Hi there");

    assertThat(server.url()).startsWith("https://");
    assertThat(server.accepted()).isEqualTo(1);
    assertThat(server.heads()).hasSize(2).allSatisfy(head -> {
      assertThat(head.get(0)).isEqualTo("POST /v1/chat/completions HTTP/1.1");
      assertThat(head.subList(1, head.size())).containsExactlyInAnyOrder(
          "Content-Type: application/json",
          "Authorization: Bearer sk-test",
          "User-Agent: langchain4j-openai",
          "Host: " + server.url().substring("https://".length()),
          "Content-Length: " + server.bodies().get(0).getBytes(StandardCharsets.UTF_8).length,
          "Connection: keep-alive");
    });
  }

  @Test
  void givenCompleteStreams_stream_closeEachAndReuseOneConnection() throws Exception {
    CountingHttpServer server = new CountingHttpServer(STREAM, null);
    toClose.add(server);
    ProviderHttpClient client = client(8);

    for (int i = 0; i < 2; i++) {
      StreamRecorder recorder = new StreamRecorder();
      client.execute(post(server), new DefaultServerSentEventParser(), recorder);
      assertThat(recorder.end.get(10, TimeUnit.SECONDS)).isNull();
      assertThat(recorder.data).containsExactly("{\"delta\":\"Hi\"}", "[DONE]");
      assertThat(recorder.terminals).containsExactly("close");
    }
    assertThat(server.accepted()).isEqualTo(1);
  }

  @Test
  void givenStreamEndingWithoutDone_stream_failsWithEndOfStream() throws Exception {
    CountingHttpServer server = new CountingHttpServer("data: {\"delta\":\"Hi\"}\n\n", null);
    toClose.add(server);
    StreamRecorder recorder = new StreamRecorder();

    client(8).execute(post(server), new DefaultServerSentEventParser(), recorder);

    assertThat(recorder.end.get(10, TimeUnit.SECONDS)).isInstanceOf(EOFException.class);
    assertThat(recorder.terminals).containsExactly("error");
  }

  @Test
  void givenStreamStalledAfterItsFirstEvent_stream_failsTimeoutAfterOneReadTimeoutAndDropsTheConnection()
      throws Exception {
    CountingHttpServer server = new CountingHttpServer(STREAM, null);
    toClose.add(server);
    server.stallStreams();
    ProviderHttpClient client = client(CONNECT, Duration.ofSeconds(1), 8);
    StreamRecorder recorder = new StreamRecorder();
    long start = System.nanoTime();

    client.execute(post(server), new DefaultServerSentEventParser(), recorder);

    Throwable error = recorder.end.get(10, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(error).isInstanceOf(TimeoutException.class);
    assertThat(recorder.data).containsExactly("{\"delta\":\"Hi\"}");
    // One read timeout, not two: the failed read discards the connection rather than draining it for reuse.
    assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(1_700));
    awaitValue(server::closedByClient, 1);
    assertThat(client.poolStats().getLeased()).isZero();
    assertThat(client.poolStats().getAvailable()).isZero();
  }

  @Test
  void givenParserStoppingBeforeTheEnd_stream_abortsAtOnceInsteadOfReadingTheRest() throws Exception {
    CountingHttpServer server = new CountingHttpServer(STREAM, null);
    toClose.add(server);
    server.stallStreams();
    ProviderHttpClient client = client(CONNECT, Duration.ofSeconds(3), 8);
    StreamRecorder recorder = new StreamRecorder();
    // A parser that stops after the first event, as a cancelled parse does; the body is then closed unfinished.
    ServerSentEventParser firstEventOnly = (in, listener) -> {
      try {
        in.readNBytes(STREAM.indexOf("\n\n") + 2);
      } catch (IOException e) {
        listener.onError(e);
        return;
      }
      listener.onEvent(new ServerSentEvent(null, "{\"delta\":\"Hi\"}"), null);
    };
    long start = System.nanoTime();

    client.execute(post(server), firstEventOnly, recorder);

    Throwable error = recorder.end.get(10, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
    assertThat(error).isInstanceOf(EOFException.class);
    awaitValue(server::closedByClient, 1);
  }

  @Test
  void givenAHostThatDoesNotAcceptConnections_execute_failsUnreachableNotTimeout() throws Exception {
    try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = new ArrayList<>();
      try {
        fillBacklog(full, queued);
        ProviderHttpClient client = client(Duration.ofMillis(300), READ, 8);
        String url = "http://127.0.0.1:" + full.getLocalPort();
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url(url + "/v1/chat/completions")
            .body("{}").build();

        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        try {
          client.execute(request);
        } catch (RuntimeException e) {
          thrown.set(e);
        }

        assertThat(thrown.get()).isInstanceOf(UncheckedIOException.class)
            .hasCauseInstanceOf(ConnectTimeoutException.class);
        AttemptFailure failure = AttemptFailure.classify(thrown.get(), Clock.systemUTC());
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.message()).isEqualTo("could not connect to the provider in time");
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  /** Connects until the listener's accept queue is full, so that the next connection attempt hangs. */
  private static void fillBacklog(ServerSocket full, List<Socket> queued) throws IOException {
    for (int i = 0; i < 64; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
        queued.add(socket);
      } catch (SocketTimeoutException hangs) {
        socket.close();
        return;
      }
    }
    throw new IllegalStateException("the accept queue never filled");
  }

  @Test
  void givenCallWaitingForAPooledConnection_interrupt_failsInterrupted() throws Exception {
    CountingHttpServer server = server(null);
    ProviderHttpClient client = client(1);
    server.hold();
    Future<SuccessfulHttpResponse> first = callers.submit(() -> client.execute(post(server)));
    awaitValue(server::inFlight, 1);
    CompletableFuture<Object> second = new CompletableFuture<>();
    Thread waiting = new Thread(() -> {
      try {
        second.complete(client.execute(post(server)));
      } catch (RuntimeException e) {
        second.complete(List.of(e, Thread.currentThread().isInterrupted()));
      }
    });
    waiting.start();
    awaitValue(() -> client.poolStats().getPending(), 1);

    waiting.interrupt();

    assertThat(second.get(10, TimeUnit.SECONDS)).asList()
        .satisfiesExactly(e -> assertThat(e).isInstanceOf(ProviderInterruptedException.class),
            interrupted -> assertThat(interrupted).isEqualTo(true));
    assertThat(AttemptFailure.classify((Throwable) ((List<?>) second.get()).get(0), Clock.systemUTC()).kind())
        .isEqualTo(Kind.INTERRUPTED);
    server.release();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  private ProviderChain chain(CountingHttpServer server, int maxConnections) {
    ProviderChain chain = new ProviderChain(new ChatSettings(List.of(ProviderSettings.compatible("local",
        server.url() + "/v1", Optional.empty(), "gpt-4o-mini", CONNECT, READ).withMaxConnections(maxConnections)),
        RetryPolicy.DEFAULT, true, Sleeper.SYSTEM, () -> 0.0, Clock.systemUTC(), List.of()));
    toClose.add(chain);
    return chain;
  }

  private static ModelRequest userSaysHi() {
    return new ModelRequest("You are a coach.", List.of(new ModelMessage.UserText("hi")), List.of(), Optional.empty(),
        100);
  }

  @Test
  void givenChainWithTwoConnectionsConfigured_concurrentReplies_haveAtMostTwoInFlight() throws Exception {
    CountingHttpServer server = server(null);
    ProviderChain chain = chain(server, 2);
    server.hold();

    List<Future<ModelReply>> replies = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      replies.add(callers.submit(() -> chain.reply(userSaysHi())));
    }
    awaitValue(server::inFlight, 2);
    Thread.sleep(300);
    assertThat(server.inFlight()).isEqualTo(2);
    server.release();

    for (Future<ModelReply> reply : replies) {
      assertThat(reply.get(10, TimeUnit.SECONDS).text()).isEqualTo("Hi there");
    }
    assertThat(server.maxInFlight()).isEqualTo(2);
    assertThat(server.accepted()).isEqualTo(2);
  }

  @Test
  void givenAChainWithAPooledConnection_closeTheChain_closesTheConnection() throws Exception {
    CountingHttpServer server = server(null);
    ProviderChain chain = chain(server, 8);
    ModelReply reply = chain.reply(userSaysHi());
    assertThat(reply.text()).isEqualTo("Hi there");
    assertThat(server.closedByClient()).isZero();

    chain.close();

    awaitValue(server::closedByClient, 1);
  }
}
