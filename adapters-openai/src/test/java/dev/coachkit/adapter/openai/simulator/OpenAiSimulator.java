package dev.coachkit.adapter.openai.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the OpenAI Chat Completions API, for tests: a real HTTP server on 127.0.0.1 (random port)
 * answering {@code POST /v1/chat/completions} (OpenAI and OpenAI-compatible servers, {@code Authorization: Bearer})
 * and {@code POST /openai/deployments/{deployment}/chat/completions?api-version=…} (Azure OpenAI, {@code api-key}
 * header), blocking JSON and SSE streaming.
 *
 * <p>Answers come from a script ({@link #enqueue(SimulatedReply)}, {@link #enqueue(SimulatedFault, int)}), then
 * from the default reply if set. Every request is recorded ({@link #requests()}) and validated against
 * {@code CreateChatCompletionRequest} of the official spec, with unknown top-level fields rejected as the real API
 * does, then (if schema-valid) against the API rules the schema cannot express ({@link ConversationRules}: tool-call
 * pairing, strict JSON schemas); in strict mode (the default) an invalid request is answered 400 {@code invalid_request_error} naming the
 * violations and consumes no scripted answer. Every response body and chunk is validated against
 * {@code CreateChatCompletionResponse}, {@code CreateChatCompletionStreamResponse} or {@code ErrorResponse} before it
 * is sent; a violation there is a simulator bug: it is recorded ({@link #simulatorFailures()}) and answered 500 (or,
 * mid-stream, the connection is dropped).
 *
 * <p>Streams follow the real wire: {@code data: {chunk}\n\n} events; a first chunk with {@code role: assistant};
 * text in several {@code content} deltas; each tool call opened by a chunk with {@code index}, {@code id},
 * {@code type} and {@code function.name} (and empty arguments), then argument fragments under the same index; a
 * final chunk with an empty delta and the {@code finish_reason}; a {@code usage} chunk with empty {@code choices}
 * when {@code stream_options.include_usage} is true; then {@code data: [DONE]}. Each chunk carries an
 * {@code obfuscation} padding field unless {@code stream_options.include_obfuscation} is false, as the real API does.
 * Chunks before the usage chunk omit {@code usage} (the real API sends {@code "usage": null} there when usage is
 * requested; the spec marks it {@code nullable} next to a {@code $ref}, which JSON Schema 2020-12 cannot express).
 */
public final class OpenAiSimulator implements AutoCloseable {

  static {
    // The JDK server leaves Nagle's algorithm on unless told otherwise: a response written as headers and then a
    // small body can wait for the client's delayed ACK (about 40 ms on Linux loopback). A simulator that "answers
    // at once" must not; read once per JVM, before the first JDK HttpServer starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Default bearer key accepted on the OpenAI path. */
  public static final String DEFAULT_API_KEY = "sk-simulator-0000000000000000";
  /** Default {@code api-key} accepted on the Azure path. */
  public static final String DEFAULT_AZURE_API_KEY = "azure-simulator-key";

  private static final String CHAT_PATH = "/v1/chat/completions";
  private static final Pattern AZURE_PATH = Pattern.compile("/openai/deployments/([^/]+)/chat/completions");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FINGERPRINT = "fp_sim0000001";

  private final OpenApiContract contract;
  private final String apiKey;
  private final String azureApiKey;
  private final boolean strict;
  private final boolean validating;
  private final boolean recording;
  private final AtomicLong requestCount = new AtomicLong();
  private final HttpServer server;
  private final ExecutorService executor;
  private final Deque<Object> script = new ArrayDeque<>();
  // A queue, not a copy-on-write list: a load test's tens of thousands of requests would copy the whole log on
  // every add.
  private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();
  private final List<String> simulatorFailures = new CopyOnWriteArrayList<>();
  private volatile SimulatedReply defaultReply;
  private final boolean inlineDispatch;

  private OpenAiSimulator(Builder builder) {
    this.validating = builder.validating;
    this.recording = builder.recording;
    // Not validating: the 3 MB spec is not even parsed.
    this.contract = validating ? OpenApiContract.official() : null;
    this.apiKey = builder.apiKey;
    this.azureApiKey = builder.azureApiKey;
    this.strict = builder.strict;
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = runnable -> {
      Thread thread = new Thread(runnable, "openai-simulator-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.executor = Executors.newCachedThreadPool(factory);
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the OpenAI simulator", e);
    }
    server.createContext("/", this::handle);
    this.inlineDispatch = builder.inlineDispatch;
    server.setExecutor(this::dispatch);
    server.start();
  }

  /** Starts a strict simulator with the default keys. */
  public static OpenAiSimulator start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options of a simulator. */
  public static final class Builder {
    private String apiKey = DEFAULT_API_KEY;
    private String azureApiKey = DEFAULT_AZURE_API_KEY;
    private boolean strict = true;
    private boolean validating = true;
    private boolean recording = true;
    private boolean inlineDispatch = true;

    private Builder() {
    }

    /**
     * Inline dispatch (default): a request whose answer cannot wait is served on the server's dispatcher thread, not
     * handed to a pool thread (see {@code dispatch}). Off: every request goes to a pool thread.
     */
    public Builder inlineDispatch(boolean value) {
      this.inlineDispatch = value;
      return this;
    }

    /** The bearer key the OpenAI path accepts. */
    public Builder apiKey(String key) {
      this.apiKey = Objects.requireNonNull(key, "key must not be null");
      return this;
    }

    /** The {@code api-key} the Azure path accepts. */
    public Builder azureApiKey(String key) {
      this.azureApiKey = Objects.requireNonNull(key, "key must not be null");
      return this;
    }

    /**
     * Strict (default): a request that breaks the contract is answered 400. Lenient: it is recorded with its
     * violations and answered from the script anyway.
     */
    public Builder strict(boolean value) {
      this.strict = value;
      return this;
    }

    /**
     * Validating (default): every request is checked against the official spec and the API rules, and every
     * response body and chunk against the spec before it is sent. Not validating: neither check runs (requests are
     * recorded with no violations, the spec is never loaded), for load tests that must not count the simulator's
     * contract checks as model time. The script is still checked against the request. Every functional test keeps
     * the default.
     */
    public Builder validating(boolean value) {
      this.validating = value;
      return this;
    }

    /**
     * Recording (default): every request is kept, for {@link #requests()}. Not recording: only requests with
     * contract violations are kept (so {@link #verifyNoProblems()} still sees them) and the others are only counted
     * ({@link #requestCount()}), for load tests that send tens of thousands of requests: keeping every raw and
     * parsed body would grow the heap of the JVM the simulator shares with the server under test, and that JVM's
     * garbage-collection cost with it.
     */
    public Builder recording(boolean value) {
      this.recording = value;
      return this;
    }

    public OpenAiSimulator start() {
      return new OpenAiSimulator(this);
    }
  }

  // ---------------------------------------------------------------- addresses

  /** The OpenAI base URL, e.g. {@code http://127.0.0.1:41234/v1} (what SDKs call {@code baseUrl}). */
  public String baseUrl() {
    return origin() + "/v1";
  }

  /** The Azure resource endpoint, e.g. {@code http://127.0.0.1:41234} (deployments live under {@code /openai}). */
  public String azureEndpoint() {
    return origin();
  }

  /** The Azure deployment base, {@code …/openai/deployments/{deployment}}; add {@code /chat/completions?api-version=}. */
  public String azureDeploymentUrl(String deployment) {
    return origin() + "/openai/deployments/" + deployment;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String apiKey() {
    return apiKey;
  }

  public String azureApiKey() {
    return azureApiKey;
  }

  private String origin() {
    return "http://127.0.0.1:" + port();
  }

  // ---------------------------------------------------------------- script

  /** Queues a reply for the next valid request. */
  public OpenAiSimulator enqueue(SimulatedReply reply) {
    Objects.requireNonNull(reply, "reply must not be null");
    synchronized (script) {
      script.addLast(reply);
    }
    return this;
  }

  /** Queues a fault for the next valid request. */
  public OpenAiSimulator enqueue(SimulatedFault fault) {
    return enqueue(fault, 1);
  }

  /** Queues the same fault for the next {@code times} valid requests (e.g. 429 twice, then a queued reply). */
  public OpenAiSimulator enqueue(SimulatedFault fault, int times) {
    Objects.requireNonNull(fault, "fault must not be null");
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1 but was " + times);
    }
    synchronized (script) {
      for (int i = 0; i < times; i++) {
        script.addLast(fault);
      }
    }
    return this;
  }

  /**
   * The reply used when the script is empty (null: none, and an unscripted request gets a 500 that names the
   * problem). Useful for load tests.
   */
  public OpenAiSimulator setDefaultReply(SimulatedReply reply) {
    this.defaultReply = reply;
    return this;
  }

  /** How many scripted answers are still queued. */
  public int pendingScript() {
    synchronized (script) {
      return script.size();
    }
  }

  /** Forgets the script, the default reply, the recorded requests and failures. */
  public void reset() {
    synchronized (script) {
      script.clear();
    }
    defaultReply = null;
    requests.clear();
    requestCount.set(0);
    simulatorFailures.clear();
  }

  // ---------------------------------------------------------------- observations

  /** How many requests were received since the start or the last {@link #reset()}, recorded or not. */
  public long requestCount() {
    return requestCount.get();
  }

  /**
   * Every request received, in arrival order (also the unauthorised and invalid ones); when not
   * {@linkplain Builder#recording(boolean) recording}, only those with contract violations.
   */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The last request received. */
  public RecordedRequest lastRequest() {
    List<RecordedRequest> all = requests();
    if (all.isEmpty()) {
      throw new IllegalStateException("the simulator has received no request");
    }
    return all.get(all.size() - 1);
  }

  /** The contract violations of every request received, in order. */
  public List<ContractViolation> requestViolations() {
    List<ContractViolation> all = new ArrayList<>();
    requests.forEach(r -> all.addAll(r.violations()));
    return List.copyOf(all);
  }

  /** Responses the simulator refused to send because they broke the spec (simulator bugs), or unscripted requests. */
  public List<String> simulatorFailures() {
    return List.copyOf(simulatorFailures);
  }

  /** Throws an {@link AssertionError} listing every request violation and simulator failure seen so far. */
  public void verifyNoProblems() {
    List<String> problems = new ArrayList<>();
    for (RecordedRequest request : requests) {
      request.violations().forEach(v -> problems.add(request.method() + " " + request.path() + ": " + v));
    }
    problems.addAll(simulatorFailures);
    if (!problems.isEmpty()) {
      throw new AssertionError("OpenAI simulator saw problems:\n  " + String.join("\n  ", problems));
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---------------------------------------------------------------- HTTP

  /**
   * Runs an exchange on the server's dispatcher thread when its answer cannot wait (the script is empty and the
   * default reply has no delay and no dropped connection), else on a pool thread. Handing every exchange to a pool
   * thread costs a thread wake-up and a switch per request, which a load test pays on the machine it measures; but an
   * answer that sleeps (a slow first token, slow chunks, the pause before a dropped connection) must not hold up the
   * other connections, and the dispatcher serves them all. Which answer a request gets is decided later (its body
   * is not read yet), from the same script: a reply enqueued between this check and the request's turn could run on
   * the dispatcher and delay the others, never fail them.
   */
  private void dispatch(Runnable exchange) {
    if (inlineDispatch && answersAtOnce()) {
      exchange.run();
    } else {
      executor.execute(exchange);
    }
  }

  private boolean answersAtOnce() {
    synchronized (script) {
      if (!script.isEmpty()) {
        return false;
      }
    }
    SimulatedReply reply = defaultReply;
    return reply == null || (reply.firstTokenDelay().isZero() && reply.chunkDelay().isZero()
        && reply.dropAfterChunks().isEmpty());
  }

  private void handle(HttpExchange exchange) throws IOException {
    Body body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new Body(in.readAllBytes());
    }
    String path = exchange.getRequestURI().getPath();
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    exchange.getResponseHeaders().set("x-request-id", Ids.requestId());
    exchange.getResponseHeaders().set("openai-version", "2020-10-01");

    Matcher azure = AZURE_PATH.matcher(path);
    Optional<String> deployment = azure.matches() ? Optional.of(azure.group(1)) : Optional.empty();
    boolean routed = "POST".equals(exchange.getRequestMethod()) && (CHAT_PATH.equals(path) || azure.matches());

    if (!routed) {
      record(exchange, path, query, headers, body, deployment, List.of());
      sendError(exchange, 404, "invalid_request_error", null, null,
          "Invalid URL (" + exchange.getRequestMethod() + " " + path + ")", Optional.empty());
      return;
    }
    if (deployment.isPresent() && !query.matches("(^|.*&)api-version=[^&]+.*")) {
      record(exchange, path, query, headers, body, deployment, List.of());
      sendError(exchange, 404, "invalid_request_error", null, "404", "Resource not found", Optional.empty());
      return;
    }
    if (!authorised(exchange, deployment.isPresent())) {
      record(exchange, path, query, headers, body, deployment, List.of());
      sendUnauthorised(exchange, deployment.isPresent());
      return;
    }
    if (body.facts() == null) {
      List<ContractViolation> violations = List.of(new ContractViolation("", "json", "the body is not JSON"));
      record(exchange, path, query, headers, body, deployment, violations);
      sendError(exchange, 400, "invalid_request_error", null, null,
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP "
              + "library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
          Optional.empty());
      return;
    }

    List<ContractViolation> violations = new ArrayList<>();
    if (validating) {
      violations.addAll(validate("CreateChatCompletionRequest", body.tree()));
      if (violations.isEmpty()) {
        violations.addAll(ConversationRules.check(body.tree()));
      }
    }
    if (strict && !violations.isEmpty()) {
      record(exchange, path, query, headers, body, deployment, violations);
      sendError(exchange, 400, "invalid_request_error", null, violations.get(0).instanceLocation(),
          "Invalid request (OpenAI simulator: CreateChatCompletionRequest schema and API rules): " + violations,
          Optional.empty());
      return;
    }

    Object next = nextScripted();
    if (next == null) {
      record(exchange, path, query, headers, body, deployment, violations);
      String failure = "no scripted reply left for request " + requests.size() + " (enqueue one or set a default)";
      simulatorFailures.add(failure);
      sendError(exchange, 500, "simulator_error", null, null, "OpenAI simulator: " + failure, Optional.empty());
      return;
    }
    if (next instanceof SimulatedFault) {
      record(exchange, path, query, headers, body, deployment, violations);
      sendFault(exchange, (SimulatedFault) next);
      return;
    }
    SimulatedReply reply = (SimulatedReply) next;
    List<ContractViolation> scriptViolations =
        reply.kind() == SimulatedReply.Kind.TEXT ? List.of() : scriptViolations(reply, body.tree());
    violations.addAll(scriptViolations);
    record(exchange, path, query, headers, body, deployment, violations);
    if (strict && !scriptViolations.isEmpty()) {
      sendError(exchange, 400, "invalid_request_error", null, scriptViolations.get(0).instanceLocation(),
          "OpenAI simulator: the scripted reply cannot answer this request: " + scriptViolations, Optional.empty());
      return;
    }
    if (body.facts().stream()) {
      stream(exchange, reply, body.facts());
    } else {
      respond(exchange, reply, body.facts());
    }
  }

  /** The violations of {@code node} against a closed schema of the spec; none when not validating. */
  private List<ContractViolation> validate(String schema, JsonNode node) {
    return validating ? contract.validateClosed(schema, node) : List.of();
  }

  private Object nextScripted() {
    synchronized (script) {
      Object next = script.pollFirst();
      return next != null ? next : defaultReply;
    }
  }

  private void record(HttpExchange exchange, String path, String query, Map<String, List<String>> headers,
      Body body, Optional<String> deployment, List<ContractViolation> violations) {
    requestCount.incrementAndGet();
    if (recording || !violations.isEmpty()) {
      requests.add(new RecordedRequest(exchange.getRequestMethod(), path, query, headers, body.text(), body.tree(),
          deployment,
          violations, Instant.now()));
    }
  }

  /**
   * A request's body: its text, the {@link RequestFacts} its answer needs (null if it is not JSON), and its JSON tree,
   * parsed only when asked for (validating, recording, or a scripted reply checked against the request).
   */
  private static final class Body {
    private final String text;
    private final RequestFacts facts;
    private JsonNode tree;

    Body(byte[] bytes) {
      this.text = new String(bytes, StandardCharsets.UTF_8);
      this.facts = RequestFacts.scan(text);
    }

    RequestFacts facts() {
      return facts;
    }

    String text() {
      return text;
    }

    /** The JSON tree, or a {@code MissingNode} if the body is not JSON. */
    JsonNode tree() {
      if (tree == null) {
        tree = parse(text);
      }
      return tree;
    }
  }

  private static JsonNode parse(String rawBody) {
    if (rawBody.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = JSON.readTree(rawBody);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private boolean authorised(HttpExchange exchange, boolean azure) {
    if (azure) {
      return azureApiKey.equals(exchange.getRequestHeaders().getFirst("api-key"));
    }
    return ("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private void sendUnauthorised(HttpExchange exchange, boolean azure) throws IOException {
    if (azure) {
      sendError(exchange, 401, "invalid_request_error", null, "401",
          "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key "
              + "for an active subscription and use a correct regional API endpoint for your resource.",
          Optional.empty());
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      sendError(exchange, 401, "invalid_request_error", null, null,
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer "
              + "auth (i.e. Authorization: Bearer YOUR_KEY).", Optional.empty());
    } else {
      sendError(exchange, 401, "invalid_request_error", null, "invalid_api_key",
          "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
          Optional.empty());
    }
  }

  private void sendFault(HttpExchange exchange, SimulatedFault fault) throws IOException {
    if (fault.isDroppedConnection()) {
      throw new DroppedConnection();
    }
    sendError(exchange, fault.status(), fault.type(), null, fault.code().orElse(null), fault.message(),
        fault.retryAfter());
  }

  private void sendError(HttpExchange exchange, int status, String type, String param, String code, String message,
      Optional<Duration> retryAfter) throws IOException {
    ObjectNode error = JSON.createObjectNode();
    ObjectNode inner = error.putObject("error");
    inner.put("message", message);
    inner.put("type", type);
    inner.put("param", param);
    inner.put("code", code);
    List<ContractViolation> violations = validate("ErrorResponse", error);
    if (!violations.isEmpty()) {
      failLoudly(exchange, "error body breaks ErrorResponse: " + violations + " in " + error);
      return;
    }
    retryAfter.ifPresent(delay -> {
      exchange.getResponseHeaders().set("Retry-After", Long.toString(Math.max(1, (delay.toMillis() + 999) / 1000)));
      exchange.getResponseHeaders().set("retry-after-ms", Long.toString(delay.toMillis()));
    });
    sendJson(exchange, status, error);
  }

  private void failLoudly(HttpExchange exchange, String failure) throws IOException {
    simulatorFailures.add(failure);
    byte[] bytes = ("{\"error\":{\"message\":" + JSON.writeValueAsString("OpenAI simulator bug: " + failure)
        + ",\"type\":\"simulator_error\",\"param\":null,\"code\":null}}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(500, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  // ---------------------------------------------------------------- script against request

  private static List<ContractViolation> scriptViolations(SimulatedReply reply, JsonNode request) {
    List<ContractViolation> violations = new ArrayList<>();
    if (reply.kind() == SimulatedReply.Kind.TOOL_CALLS) {
      Set<String> offered = new HashSet<>();
      for (JsonNode tool : request.path("tools")) {
        if ("function".equals(tool.path("type").asText())) {
          offered.add(tool.path("function").path("name").asText());
        }
      }
      for (SimulatedToolCall call : reply.toolCalls()) {
        if (!offered.contains(call.name())) {
          violations.add(new ContractViolation("/tools", "script", "the scripted reply calls function '"
              + call.name() + "' but the request offers " + (offered.isEmpty() ? "no functions" : offered)));
        }
      }
      if ("none".equals(request.path("tool_choice").asText())) {
        violations.add(new ContractViolation("/tool_choice", "script",
            "the scripted reply calls tools but the request says tool_choice: none"));
      }
      if (reply.toolCalls().size() > 1 && !request.path("parallel_tool_calls").asBoolean(true)) {
        violations.add(new ContractViolation("/parallel_tool_calls", "script",
            "the scripted reply makes parallel tool calls but the request says parallel_tool_calls: false"));
      }
      for (SimulatedToolCall call : reply.toolCalls()) {
        JsonNode arguments = parse(call.arguments());
        if (!arguments.isObject()) {
          violations.add(new ContractViolation("", "script",
              "scripted arguments of '" + call.name() + "' are not a JSON object: " + call.arguments()));
        }
      }
    }
    if (reply.kind() == SimulatedReply.Kind.JSON) {
      JsonNode format = request.path("response_format");
      String type = format.path("type").asText();
      JsonNode content = parse(reply.content().orElse(""));
      if (!content.isObject()) {
        violations.add(new ContractViolation("", "script", "scripted JSON reply is not a JSON object"));
      } else if ("json_schema".equals(type)) {
        JsonNode schema = format.path("json_schema").path("schema");
        if (!schema.isMissingNode()) {
          for (ContractViolation v : OpenApiContract.validateAgainst(schema, content)) {
            violations.add(new ContractViolation("/response_format/json_schema/schema", "script",
                "the scripted JSON reply does not match the request's schema: " + v));
          }
        }
      } else if (!"json_object".equals(type)) {
        violations.add(new ContractViolation("/response_format", "script",
            "the scripted reply is JSON but the request has no response_format json_schema or json_object"));
      }
    }
    return violations;
  }

  // ---------------------------------------------------------------- blocking

  private void respond(HttpExchange exchange, SimulatedReply reply, RequestFacts request) throws IOException {
    if (reply.dropAfterChunks().isPresent()) {
      throw new DroppedConnection();
    }
    sleep(reply.firstTokenDelay());
    ObjectNode response = JSON.createObjectNode();
    response.put("id", Ids.completionId());
    response.put("object", "chat.completion");
    response.put("created", Instant.now().getEpochSecond());
    response.put("model", request.model());
    ObjectNode choice = response.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    if (reply.kind() == SimulatedReply.Kind.TOOL_CALLS) {
      message.putNull("content");
      ArrayNode calls = message.putArray("tool_calls");
      for (SimulatedToolCall call : reply.toolCalls()) {
        ObjectNode node = calls.addObject();
        node.put("id", call.id());
        node.put("type", "function");
        node.putObject("function").put("name", call.name()).put("arguments", call.arguments());
      }
    } else {
      message.put("content", reply.content().orElse(""));
    }
    message.putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", reply.finishReason());
    response.set("usage", usage(reply, request));
    response.put("service_tier", "default");
    response.put("system_fingerprint", FINGERPRINT);
    List<ContractViolation> violations = validate("CreateChatCompletionResponse", response);
    if (!violations.isEmpty()) {
      failLoudly(exchange, "response breaks CreateChatCompletionResponse: " + violations + " in " + response);
      return;
    }
    sendJson(exchange, 200, response);
  }

  private static ObjectNode usage(SimulatedReply reply, RequestFacts request) {
    SimulatedUsage usage = reply.usage().orElseGet(() -> estimate(reply, request));
    ObjectNode node = JSON.createObjectNode();
    node.put("prompt_tokens", usage.promptTokens());
    node.put("completion_tokens", usage.completionTokens());
    node.put("total_tokens", usage.totalTokens());
    node.putObject("prompt_tokens_details").put("cached_tokens", usage.cachedTokens()).put("audio_tokens", 0);
    node.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    return node;
  }

  /** About four characters a token, plus a few per message, as OpenAI's own rule of thumb. */
  private static SimulatedUsage estimate(SimulatedReply reply, RequestFacts request) {
    int promptChars = request.promptChars();
    int messages = request.messages();
    int completionChars = reply.content().map(String::length).orElse(0);
    for (SimulatedToolCall call : reply.toolCalls()) {
      completionChars += call.name().length() + call.arguments().length();
    }
    return new SimulatedUsage(Math.max(1, promptChars / 4 + 3 * messages), Math.max(1, completionChars / 4), 0);
  }

  // ---------------------------------------------------------------- streaming

  private void stream(HttpExchange exchange, SimulatedReply reply, RequestFacts request) throws IOException {
    boolean includeUsage = request.includeUsage();
    boolean obfuscate = request.includeObfuscation();
    Chunks chunks = new Chunks(Ids.completionId(), Instant.now().getEpochSecond(), request.model(), obfuscate);
    List<ObjectNode> events = new ArrayList<>();
    if (reply.kind() == SimulatedReply.Kind.TOOL_CALLS) {
      for (int i = 0; i < reply.toolCalls().size(); i++) {
        SimulatedToolCall call = reply.toolCalls().get(i);
        ObjectNode delta = JSON.createObjectNode();
        if (i == 0) {
          delta.put("role", "assistant");
          delta.putNull("content");
        }
        ObjectNode opening = delta.putArray("tool_calls").addObject();
        opening.put("index", i);
        opening.put("id", call.id());
        opening.put("type", "function");
        opening.putObject("function").put("name", call.name()).put("arguments", "");
        events.add(chunks.delta(delta, null));
        for (String piece : split(call.arguments(), reply.argumentChunkSize())) {
          ObjectNode fragment = JSON.createObjectNode();
          ObjectNode part = fragment.putArray("tool_calls").addObject();
          part.put("index", i);
          part.putObject("function").put("arguments", piece);
          events.add(chunks.delta(fragment, null));
        }
      }
    } else {
      ObjectNode first = JSON.createObjectNode();
      first.put("role", "assistant");
      first.put("content", "");
      first.putNull("refusal");
      events.add(chunks.delta(first, null));
      for (String piece : split(reply.content().orElse(""), reply.textChunkSize())) {
        events.add(chunks.delta(JSON.createObjectNode().put("content", piece), null));
      }
    }
    events.add(chunks.delta(JSON.createObjectNode(), reply.finishReason()));
    if (includeUsage) {
      events.add(chunks.usage(usage(reply, request)));
    }
    for (ObjectNode event : events) {
      List<ContractViolation> violations = validate("CreateChatCompletionStreamResponse", event);
      if (!violations.isEmpty()) {
        failLoudly(exchange, "chunk breaks CreateChatCompletionStreamResponse: " + violations + " in " + event);
        return;
      }
    }

    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.flush();
    sleep(reply.firstTokenDelay());
    int sent = 0;
    for (ObjectNode event : events) {
      if (reply.dropAfterChunks().isPresent() && sent == reply.dropAfterChunks().get()) {
        dropAfterDelivery();
      }
      if (reply.malformedChunkAfter().isPresent() && sent == reply.malformedChunkAfter().get()) {
        String whole = JSON.writeValueAsString(event);
        writeEvent(out, whole.substring(0, whole.length() / 2));
      }
      if (sent > 0) {
        sleep(reply.chunkDelay());
      }
      writeEvent(out, JSON.writeValueAsString(event));
      sent++;
    }
    if (reply.dropAfterChunks().isPresent() && sent == reply.dropAfterChunks().get()) {
      dropAfterDelivery();
    }
    writeEvent(out, "[DONE]");
    out.close();
  }

  /**
   * Lets the client read what was already flushed, then drops the connection. Without the pause the close can
   * overtake the last chunks in the client's socket buffer (a reset discards unread data), and the client would see
   * fewer chunks than scripted.
   */
  private static void dropAfterDelivery() {
    sleep(Duration.ofMillis(100));
    throw new DroppedConnection();
  }

  private static void writeEvent(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Splits into pieces of at most {@code size} code points, never between a surrogate pair. */
  static List<String> split(String text, int size) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      for (int n = 0; n < size && end < text.length(); n++) {
        end = text.offsetByCodePoints(end, 1);
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DroppedConnection();
    }
  }

  /** Builds the chunks of one stream: the same id, created, model and fingerprint on each. */
  private static final class Chunks {
    private final String id;
    private final long created;
    private final String model;
    private final boolean obfuscate;

    Chunks(String id, long created, String model, boolean obfuscate) {
      this.id = id;
      this.created = created;
      this.model = model;
      this.obfuscate = obfuscate;
    }

    ObjectNode delta(ObjectNode delta, String finishReason) {
      ObjectNode chunk = header();
      ObjectNode choice = chunk.putArray("choices").addObject();
      choice.put("index", 0);
      choice.set("delta", delta);
      choice.putNull("logprobs");
      choice.put("finish_reason", finishReason);
      if (obfuscate) {
        chunk.put("obfuscation", Ids.random(1 + Math.floorMod(delta.toString().hashCode(), 12)));
      }
      return chunk;
    }

    ObjectNode usage(ObjectNode usage) {
      ObjectNode chunk = header();
      chunk.putArray("choices");
      chunk.set("usage", usage);
      if (obfuscate) {
        chunk.put("obfuscation", Ids.random(6));
      }
      return chunk;
    }

    private ObjectNode header() {
      ObjectNode chunk = JSON.createObjectNode();
      chunk.put("id", id);
      chunk.put("object", "chat.completion.chunk");
      chunk.put("created", created);
      chunk.put("model", model);
      chunk.put("service_tier", "default");
      chunk.put("system_fingerprint", FINGERPRINT);
      return chunk;
    }
  }

  /**
   * Thrown out of the handler to make the JDK server close the socket at once: with no response yet the client sees
   * an empty reply, mid-stream it sees the chunked body end without its terminator.
   */
  private static final class DroppedConnection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DroppedConnection() {
      super("simulated dropped connection", null, false, false);
    }
  }

  @Override
  public String toString() {
    return "OpenAiSimulator[" + baseUrl() + (strict ? ", strict" : ", lenient")
        + (validating ? "" : ", not validating") + "]";
  }

  /** The base URL as a {@link URI}. */
  public URI baseUri() {
    return URI.create(baseUrl());
  }
}
