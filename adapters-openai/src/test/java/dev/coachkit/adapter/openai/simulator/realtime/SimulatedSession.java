package dev.coachkit.adapter.openai.simulator.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One simulated Realtime session: a WebSocket connection, or a WebRTC call that sideband WebSockets attach to.
 * Holds the session state, runs energy VAD and scripted responses, captures what the client sent and what was
 * sent back, and exposes awaiting and fault injection for tests. All state changes run on one Vert.x context.
 */
public final class SimulatedSession {

  /** A client event the contract rejected, with the schema violations. */
  public record RejectedClientEvent(String raw, JsonNode event, List<RealtimeContract.Violation> violations) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Energy threshold (RMS, fraction of full scale) = VAD {@code threshold} x this factor; 0.5 -> 0.02 (-34 dBFS). */
  static final double RMS_PER_THRESHOLD = 0.04;
  static final int VAD_FRAME_MS = 10;
  static final int MIN_SPEECH_MS = 30;

  private final RealtimeSimulator simulator;
  private final Context context;
  private final RealtimeProtocol protocol;
  private final String model;
  private final Optional<String> callId;
  private final String conversationId = Ids.conversation();
  private final Instant createdAt = Instant.now();
  private final Duration maxDuration;
  private final ObjectNode session;

  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<JsonNode> clientEvents = new CopyOnWriteArrayList<>();
  private final List<RejectedClientEvent> rejected = new CopyOnWriteArrayList<>();
  private final List<JsonNode> sentEvents = new CopyOnWriteArrayList<>();
  private final List<String> serverViolations = new CopyOnWriteArrayList<>();
  private final AtomicLong audioBytesReceived = new AtomicLong();
  private final Deque<ScriptedTurn> script = new ConcurrentLinkedDeque<>();
  private final Object monitor = new Object();
  private volatile Map<String, String> handshakeHeaders = Map.of();
  private volatile boolean ended;

  // state below: only touched on the context
  private final ByteArrayOutputStream inputBuffer = new ByteArrayOutputStream();
  private final ByteArrayOutputStream vadCarry = new ByteArrayOutputStream();
  private long positionMs;
  private long bufferStartMs;
  private boolean speaking;
  private int voicedRunMs;
  private int silenceRunMs;
  private String speechItemId;
  private String lastItemId;
  private final Map<String, ObjectNode> items = new HashMap<>();
  private final Map<String, Integer> assistantAudioMs = new HashMap<>();
  private ScriptedTurn pendingTurn;
  private final List<Runnable> pendingTranscription = new ArrayList<>();
  private ResponseRun active;
  private long conversationTextChars;
  private long conversationAudioMs;
  private long previousInputText;
  private long previousInputAudio;
  private long tokensUsed;
  private boolean stalled;
  private final List<String> stalledFrames = new ArrayList<>();
  private int dropAfterAudioDeltas = -1;
  private long expiryTimer = -1;
  private boolean replaying;

  SimulatedSession(RealtimeSimulator simulator, Context context, RealtimeProtocol protocol, String model,
      String reportedModel, Optional<String> callId, Optional<JsonNode> initialConfig) {
    this.simulator = simulator;
    this.context = context;
    this.protocol = protocol;
    this.model = model;
    this.callId = callId;
    this.maxDuration = simulator.options().maxSessionDuration(protocol);
    this.session = defaultSession(reportedModel);
    initialConfig.ifPresent(this::mergeSession);
    context.runOnContext(v -> expiryTimer = context.owner().setTimer(Math.max(1, maxDuration.toMillis()), t -> expire()));
  }

  // ---------------------------------------------------------------- public test API

  /** GA or beta. */
  public RealtimeProtocol protocol() {
    return protocol;
  }

  /** The model from the URL (or the Azure deployment). */
  public String model() {
    return model;
  }

  /** The WebRTC call id, for a call created over HTTP. */
  public Optional<String> callId() {
    return callId;
  }

  /** A copy of the effective session configuration. */
  public ObjectNode session() {
    return runAndGet(session::deepCopy);
  }

  /** The handshake headers of the first WebSocket attached (lower-case names). */
  public Map<String, String> handshakeHeaders() {
    return handshakeHeaders;
  }

  /** Every client event received that parsed as JSON, valid or not, in arrival order. */
  public List<JsonNode> clientEvents() {
    return List.copyOf(clientEvents);
  }

  /** Client events of one type. */
  public List<JsonNode> clientEvents(String type) {
    return clientEvents.stream().filter(e -> type.equals(e.path("type").asText())).collect(Collectors.toList());
  }

  /** Client frames the contract rejected (each answered with an {@code error} event). */
  public List<RejectedClientEvent> rejectedClientEvents() {
    return List.copyOf(rejected);
  }

  /** Every server event sent (or, while stalled, held back), in order. */
  public List<JsonNode> sentEvents() {
    return List.copyOf(sentEvents);
  }

  /** Sent server events of one type. */
  public List<JsonNode> sentEvents(String type) {
    return sentEvents.stream().filter(e -> type.equals(e.path("type").asText())).collect(Collectors.toList());
  }

  /** Types of the sent server events, in order. */
  public List<String> sentTypes() {
    return sentEvents.stream().map(e -> e.path("type").asText()).collect(Collectors.toList());
  }

  /** Violations found in the server events this session sent (WIRE mode); empty unless the simulator has a bug. */
  public List<String> serverViolations() {
    return List.copyOf(serverViolations);
  }

  /** PCM bytes received through {@code input_audio_buffer.append}. */
  public long audioBytesReceived() {
    return audioBytesReceived.get();
  }

  /** Queues scripted turns for this session; they are used before the simulator-wide queue. */
  public SimulatedSession enqueue(ScriptedTurn... turns) {
    for (ScriptedTurn t : turns) {
      script.addLast(t);
    }
    return this;
  }

  /** Waits for the first sent server event of the type. */
  public JsonNode awaitSent(String type, Duration timeout) {
    return awaitSentCount(type, 1, timeout).get(0);
  }

  /** Waits until at least {@code count} server events of the type were sent; returns them. */
  public List<JsonNode> awaitSentCount(String type, int count, Duration timeout) {
    return await(() -> {
      List<JsonNode> l = sentEvents(type);
      return l.size() >= count ? Optional.of(l) : Optional.empty();
    }, timeout, "sent " + count + " x " + type);
  }

  /** Waits for the first sent server event matching the predicate. */
  public JsonNode awaitSent(Predicate<JsonNode> matcher, Duration timeout) {
    return await(() -> sentEvents.stream().filter(matcher).findFirst(), timeout, "a matching sent event");
  }

  /** Waits for the first client event of the type. */
  public JsonNode awaitClientEvent(String type, Duration timeout) {
    return awaitClientEventCount(type, 1, timeout).get(0);
  }

  /** Waits until at least {@code count} client events of the type arrived. */
  public List<JsonNode> awaitClientEventCount(String type, int count, Duration timeout) {
    return await(() -> {
      List<JsonNode> l = clientEvents(type);
      return l.size() >= count ? Optional.of(l) : Optional.empty();
    }, timeout, "client " + count + " x " + type);
  }

  /** Waits until at least {@code bytes} PCM bytes arrived through {@code input_audio_buffer.append}; the count then. */
  public long awaitAudioBytesReceived(long bytes, Duration timeout) {
    return await(() -> {
      long received = audioBytesReceived.get();
      return received >= bytes ? Optional.of(received) : Optional.empty();
    }, timeout, bytes + " audio bytes received");
  }

  /** Waits until at least {@code count} client frames were rejected. */
  public List<RejectedClientEvent> awaitRejected(int count, Duration timeout) {
    return await(() -> rejected.size() >= count ? Optional.of(List.copyOf(rejected)) : Optional.empty(), timeout,
        count + " rejected client events");
  }

  /** Waits until every WebSocket of this session closed (or the session ended). */
  public void awaitClosed(Duration timeout) {
    await(() -> isClosed() ? Optional.of(Boolean.TRUE) : Optional.empty(), timeout, "session closed");
  }

  /** True once the session ended or all its WebSockets closed. */
  public boolean isClosed() {
    return ended || (!sockets.isEmpty() && sockets.stream().allMatch(s -> s.closed));
  }

  /**
   * Simulates the user speaking a turn without audio frames (a WebRTC call's media does not pass through the
   * sideband socket): speech started/stopped, commit, transcription and, with {@code create_response}, a reply.
   */
  public void userSpeaks(int speechMs) {
    context.runOnContext(v -> {
      long start = positionMs;
      positionMs += speechMs + silenceMs();
      conversationAudioMs += speechMs;
      speechItemId = Ids.item();
      send(ev("input_audio_buffer.speech_started").put("audio_start_ms", start).put("item_id", speechItemId));
      if (active != null && interruptResponse()) {
        active.cancel("turn_detected");
      }
      send(ev("input_audio_buffer.speech_stopped").put("audio_end_ms", positionMs).put("item_id", speechItemId));
      commitUserAudio(true, speechMs);
    });
  }

  /** Sends an {@code error} event now (the session stays open). */
  public void sendError(String type, String code, String message) {
    context.runOnContext(v -> send(error(type, code, message, null, null)));
  }

  /** Closes every WebSocket at the TCP level, without a close frame (the client sees an abnormal closure). */
  public void dropConnection() {
    context.runOnContext(v -> drop());
  }

  /** Arms a drop: the next response closes the connection abruptly after {@code audioDeltas} audio deltas. */
  public void dropDuringNextResponse(int audioDeltas) {
    context.runOnContext(v -> dropAfterAudioDeltas = audioDeltas);
  }

  /** Stops sending anything (events are held back) until {@link #resume()}; client events are still read. */
  public void stall() {
    context.runOnContext(v -> stalled = true);
  }

  /** Ends a stall and sends what was held back. */
  public void resume() {
    context.runOnContext(v -> {
      stalled = false;
      for (String frame : stalledFrames) {
        write(frame);
      }
      stalledFrames.clear();
    });
  }

  /** Makes the session hit its maximum duration now: an {@code error} event, then the server closes. */
  public void expireNow() {
    context.runOnContext(v -> expire());
  }

  /** Ends the session (as a hangup does): closes its WebSockets with 1000. */
  public void end() {
    context.runOnContext(v -> {
      ended = true;
      cancelExpiry();
      for (Socket s : sockets) {
        s.ws.close((short) 1000, "call ended");
      }
      signal();
    });
  }

  // ---------------------------------------------------------------- wiring

  Instant createdAt() {
    return createdAt;
  }

  void attach(ServerWebSocket ws, HttpConnection connection, Map<String, String> headers, boolean sendSessionCreated,
      Optional<RealtimeSimulator.Replay> replay) {
    Socket socket = new Socket(ws, connection);
    if (sockets.isEmpty()) {
      handshakeHeaders = Map.copyOf(headers);
    }
    sockets.add(socket);
    ws.textMessageHandler(text -> context.runOnContext(v -> onText(text, replay)));
    ws.closeHandler(v -> {
      socket.closed = true;
      signal();
    });
    ws.exceptionHandler(e -> {
      socket.closed = true;
      signal();
    });
    context.runOnContext(v -> {
      if (replay.isPresent() && replay.get().onConnect()) {
        replay(replay.get().recording());
      } else if (replay.isEmpty() && sendSessionCreated) {
        send(ev("session.created").set("session", session.deepCopy()));
      }
    });
  }

  // ---------------------------------------------------------------- client events

  private void onText(String text, Optional<RealtimeSimulator.Replay> replay) {
    JsonNode event;
    try {
      event = JSON.readTree(text);
    } catch (Exception e) {
      rejected.add(new RejectedClientEvent(text, NullNode.instance,
          List.of(new RealtimeContract.Violation("$", "not JSON: " + e.getMessage()))));
      send(error("invalid_request_error", "invalid_event", "The event could not be parsed as JSON.", null, null));
      signal();
      return;
    }
    clientEvents.add(event);
    List<RealtimeContract.Violation> violations = simulator.contract().validateClientEvent(protocol, event);
    String eventId = event.path("event_id").isTextual() ? event.get("event_id").asText() : null;
    if (!violations.isEmpty()) {
      rejected.add(new RejectedClientEvent(text, event, violations));
      String message = violations.stream().map(RealtimeContract.Violation::toString).collect(Collectors.joining("; "));
      send(error("invalid_request_error", "invalid_event", message, violations.get(0).location(), eventId));
      signal();
      return;
    }
    signal();
    if (replay.isPresent()) {
      if (!replay.get().onConnect() && !replaying) {
        replay(replay.get().recording());
      }
      return;
    }
    dispatch(event, eventId);
  }

  private void dispatch(JsonNode event, String eventId) {
    switch (event.get("type").asText()) {
      case "session.update":
        mergeSession(event.get("session"));
        send(ev("session.updated").set("session", session.deepCopy()));
        break;
      case "input_audio_buffer.append":
        byte[] pcm = Base64.getDecoder().decode(event.get("audio").asText());
        audioBytesReceived.addAndGet(pcm.length);
        signal();
        inputBuffer.writeBytes(pcm);
        vad(pcm);
        break;
      case "input_audio_buffer.commit":
        int ms = inputBuffer.size() / Pcm16.BYTES_PER_MS;
        if (ms < 100) {
          send(error("invalid_request_error", "input_audio_buffer_commit_empty",
              String.format("Error committing input audio buffer: buffer too small. Expected at least 100ms of audio,"
                  + " but buffer only has %.2fms of audio.", inputBuffer.size() / (double) Pcm16.BYTES_PER_MS),
              null, eventId));
        } else {
          if (speaking) {
            speaking = false;
          }
          commitUserAudio(false, ms);
        }
        break;
      case "input_audio_buffer.clear":
        inputBuffer.reset();
        vadCarry.reset();
        speaking = false;
        voicedRunMs = 0;
        bufferStartMs = positionMs;
        send(ev("input_audio_buffer.cleared"));
        break;
      case "conversation.item.create":
        createItem((ObjectNode) event.get("item").deepCopy(), event.path("previous_item_id"));
        break;
      case "conversation.item.truncate":
        truncate(event, eventId);
        break;
      case "conversation.item.delete":
        String deleteId = event.get("item_id").asText();
        if (items.remove(deleteId) == null) {
          send(error("invalid_request_error", "item_not_found", "Item with item_id '" + deleteId + "' not found.",
              "item_id", eventId));
        } else {
          send(ev("conversation.item.deleted").put("item_id", deleteId));
        }
        break;
      case "conversation.item.retrieve":
        ObjectNode item = items.get(event.get("item_id").asText());
        if (item == null) {
          send(error("invalid_request_error", "item_not_found", "Item with item_id '" + event.get("item_id").asText()
              + "' not found.", "item_id", eventId));
        } else {
          send(ev("conversation.item.retrieved").set("item", item.deepCopy()));
        }
        break;
      case "response.create":
        if (active != null) {
          send(error("invalid_request_error", "conversation_already_has_active_response",
              "Conversation already has an active response in progress: " + active.responseId
                  + ". Wait until the response is finished before creating a new one.", null, eventId));
        } else {
          ScriptedTurn turn = pendingTurn != null ? pendingTurn : nextTurn();
          pendingTurn = null;
          startResponse(turn, event.path("response"));
        }
        break;
      case "response.cancel":
        if (active == null) {
          send(error("invalid_request_error", "response_cancel_not_active",
              "Cancellation failed: no active response found", null, eventId));
        } else {
          active.cancel("client_cancelled");
        }
        break;
      default:
        // output_audio_buffer.clear (WebRTC only), transcription_session.update: captured, nothing to do here
        break;
    }
  }

  private void createItem(ObjectNode item, JsonNode previousItemId) {
    if (!item.hasNonNull("id")) {
      item.put("id", Ids.item());
    }
    if (!item.has("status")) {
      item.put("status", "completed");
    }
    if (protocol == RealtimeProtocol.BETA) {
      item.put("object", "realtime.item");
    }
    String prev = previousItemId.isTextual() ? previousItemId.asText() : lastItemId;
    for (JsonNode c : item.path("content")) {
      conversationTextChars += c.path("text").asText("").length();
    }
    conversationTextChars += item.path("output").asText("").length();
    announceItem(item, prev, true);
  }

  private void truncate(JsonNode event, String eventId) {
    String itemId = event.get("item_id").asText();
    Integer audioMs = assistantAudioMs.get(itemId);
    long endMs = event.get("audio_end_ms").asLong();
    if (audioMs == null) {
      send(error("invalid_request_error", "item_not_found", "Item with item_id '" + itemId
          + "' not found or has no audio.", "item_id", eventId));
    } else if (endMs > audioMs) {
      send(error("invalid_request_error", "invalid_value", "audio_end_ms (" + endMs
          + ") is longer than the audio of the item (" + audioMs + " ms).", "audio_end_ms", eventId));
    } else {
      send(ev("conversation.item.truncated").put("item_id", itemId).put("content_index",
          event.get("content_index").asInt()).put("audio_end_ms", endMs));
    }
  }

  // ---------------------------------------------------------------- VAD

  private void vad(byte[] pcm) {
    JsonNode td = turnDetection();
    if (td == null || td.isNull() || td.isMissingNode()) {
      positionMs += pcm.length / Pcm16.BYTES_PER_MS;
      return;
    }
    vadCarry.writeBytes(pcm);
    byte[] all = vadCarry.toByteArray();
    int frame = VAD_FRAME_MS * Pcm16.BYTES_PER_MS;
    int used = 0;
    double threshold = td.path("threshold").asDouble(0.5) * RMS_PER_THRESHOLD;
    int prefix = td.path("prefix_padding_ms").asInt(300);
    while (all.length - used >= frame) {
      boolean voiced = Pcm16.rms(all, used, frame) >= threshold;
      used += frame;
      positionMs += VAD_FRAME_MS;
      if (!speaking) {
        voicedRunMs = voiced ? voicedRunMs + VAD_FRAME_MS : 0;
        if (voicedRunMs >= MIN_SPEECH_MS) {
          speaking = true;
          silenceRunMs = 0;
          speechItemId = Ids.item();
          long start = Math.max(bufferStartMs, positionMs - voicedRunMs - prefix);
          send(ev("input_audio_buffer.speech_started").put("audio_start_ms", start).put("item_id", speechItemId));
          if (active != null && interruptResponse()) {
            active.cancel("turn_detected");
          }
        }
      } else {
        silenceRunMs = voiced ? 0 : silenceRunMs + VAD_FRAME_MS;
        if (silenceRunMs >= silenceMs()) {
          speaking = false;
          voicedRunMs = 0;
          send(ev("input_audio_buffer.speech_stopped").put("audio_end_ms", positionMs).put("item_id", speechItemId));
          int ms = inputBuffer.size() / Pcm16.BYTES_PER_MS;
          commitUserAudio(true, ms);
        }
      }
    }
    vadCarry.reset();
    vadCarry.write(all, used, all.length - used);
  }

  private JsonNode turnDetection() {
    return protocol == RealtimeProtocol.GA ? session.path("audio").path("input").path("turn_detection")
        : session.path("turn_detection");
  }

  private int silenceMs() {
    JsonNode td = turnDetection();
    if ("semantic_vad".equals(td.path("type").asText())) {
      switch (td.path("eagerness").asText("auto")) {
        case "high":
          return 250;
        case "low":
          return 1500;
        default:
          return 700;
      }
    }
    return td.path("silence_duration_ms").asInt(500);
  }

  private boolean interruptResponse() {
    return turnDetection().path("interrupt_response").asBoolean(true);
  }

  private boolean createResponse() {
    JsonNode td = turnDetection();
    return !td.isNull() && !td.isMissingNode() && td.path("create_response").asBoolean(true);
  }

  private void commitUserAudio(boolean fromVad, int audioMs) {
    String itemId = speechItemId != null ? speechItemId : Ids.item();
    speechItemId = null;
    inputBuffer.reset();
    bufferStartMs = positionMs;
    conversationAudioMs += audioMs;
    send(ev("input_audio_buffer.committed").put("previous_item_id", lastItemId).put("item_id", itemId));
    ObjectNode item = JSON.createObjectNode();
    item.put("id", itemId);
    if (protocol == RealtimeProtocol.BETA) {
      item.put("object", "realtime.item");
    }
    item.put("type", "message").put("status", "completed").put("role", "user");
    item.putArray("content").addObject().put("type", "input_audio").putNull("transcript");
    announceItem(item, lastItemId, true);
    ScriptedTurn turn = nextTurn();
    conversationTextChars += turn.userTranscript().length();
    JsonNode transcription = protocol == RealtimeProtocol.GA
        ? session.path("audio").path("input").path("transcription") : session.path("input_audio_transcription");
    if (transcription.isObject()) {
      String model = transcription.path("model").asText("whisper-1");
      Runnable emit = () -> transcribe(itemId, turn.userTranscript(), model, audioMs);
      if (fromVad && createResponse()) {
        pendingTranscription.add(emit);
      } else {
        emit.run();
      }
    }
    if (fromVad && createResponse()) {
      if (active == null) {
        startResponse(turn, NullNode.instance);
      }
    } else {
      pendingTurn = turn;
    }
  }

  private void transcribe(String itemId, String transcript, String model, int audioMs) {
    boolean whisper = model.startsWith("whisper");
    if (whisper) {
      send(ev("conversation.item.input_audio_transcription.delta").put("item_id", itemId).put("content_index", 0)
          .put("delta", transcript));
    } else {
      for (String piece : pieces(transcript)) {
        send(ev("conversation.item.input_audio_transcription.delta").put("item_id", itemId).put("content_index", 0)
            .put("delta", piece));
      }
    }
    ObjectNode done = ev("conversation.item.input_audio_transcription.completed").put("item_id", itemId)
        .put("content_index", 0).put("transcript", transcript);
    ObjectNode usage = done.putObject("usage");
    if (whisper) {
      usage.put("type", "duration").put("seconds", Math.max(1, (int) Math.ceil(audioMs / 1000.0)));
    } else {
      int audioTokens = Math.max(1, audioMs / 100);
      int textOut = Math.max(1, (transcript.length() + 3) / 4);
      usage.put("type", "tokens").put("total_tokens", audioTokens + textOut).put("input_tokens", audioTokens);
      usage.putObject("input_token_details").put("text_tokens", 0).put("audio_tokens", audioTokens);
      usage.put("output_tokens", textOut);
    }
    send(done);
    ObjectNode item = items.get(itemId);
    if (item != null) {
      ((ObjectNode) item.path("content").path(0)).put("transcript", transcript);
    }
  }

  private ScriptedTurn nextTurn() {
    ScriptedTurn t = script.pollFirst();
    return t != null ? t : simulator.nextGlobalTurn();
  }

  // ---------------------------------------------------------------- responses

  private void startResponse(ScriptedTurn turn, JsonNode params) {
    active = new ResponseRun(turn, params);
    active.advance();
  }

  /** A response being streamed: a list of steps run one after another, paced after each audio chunk. */
  private final class ResponseRun {
    final String responseId = Ids.response();
    final ScriptedTurn turn;
    final boolean audio;
    final List<ObjectNode> output = new ArrayList<>();
    final List<Runnable> steps = new ArrayList<>();
    final List<Boolean> paced = new ArrayList<>();
    int next;
    boolean finished;
    int audioDeltas;
    // the message item being streamed
    ObjectNode message;
    boolean partOpen;
    int sentAudioMs;
    StringBuilder sentTranscript = new StringBuilder();
    final JsonNode params;

    ResponseRun(ScriptedTurn turn, JsonNode params) {
      this.turn = turn;
      this.params = params;
      JsonNode modalities = protocol == RealtimeProtocol.GA
          ? (params.has("output_modalities") ? params.get("output_modalities") : session.path("output_modalities"))
          : (params.has("modalities") ? params.get("modalities") : session.path("modalities"));
      boolean a = false;
      for (JsonNode m : modalities) {
        a |= "audio".equals(m.asText());
      }
      this.audio = a;
      plan();
    }

    private void step(boolean pace, Runnable r) {
      steps.add(r);
      paced.add(pace);
    }

    private void plan() {
      step(false, () -> send(ev("response.created").set("response", responseObject("in_progress", null))));
      step(false, this::rateLimits);
      if (!turn.assistantText().isEmpty()) {
        String itemId = Ids.item();
        int index = output.size();
        step(false, () -> {
          message = item(itemId, "message", "in_progress");
          message.put("role", "assistant");
          message.putArray("content");
          output.add(message);
          send(ev("response.output_item.added").put("response_id", responseId).put("output_index", index)
              .set("item", message.deepCopy()));
          announceItem(message.deepCopy(), lastItemId, false);
          ObjectNode part = JSON.createObjectNode();
          if (audio) {
            part.put("type", "audio").put("transcript", "");
          } else {
            part.put("type", "text").put("text", "");
          }
          send(partEvent("response.content_part.added", itemId, index).set("part", part));
          partOpen = true;
          for (Runnable r : pendingTranscription) {
            r.run();
          }
          pendingTranscription.clear();
        });
        List<String> words = pieces(turn.assistantText());
        if (audio) {
          int chunkMs = simulator.options().chunkMs();
          int chunks = Math.max(1, (int) Math.ceil(turn.audioMs() / (double) chunkMs));
          for (int c = 0; c < chunks; c++) {
            int from = c * words.size() / chunks;
            int to = (c + 1) * words.size() / chunks;
            int ms = Math.min(chunkMs, turn.audioMs() - c * chunkMs);
            int chunkIndex = c;
            step(true, () -> {
              byte[] pcm = Pcm16.tone(ms, 220 + 20 * (chunkIndex % 5), 0.25);
              send(partEvent(protocol.audioDelta, itemId, index).put("delta", Pcm16.base64(pcm)));
              sentAudioMs += ms;
              audioDeltas++;
              for (String w : words.subList(from, to)) {
                sentTranscript.append(w);
                send(partEvent(protocol.audioTranscriptDelta, itemId, index).put("delta", w));
              }
              if (dropAfterAudioDeltas >= 0 && audioDeltas >= dropAfterAudioDeltas) {
                dropAfterAudioDeltas = -1;
                finished = true;
                active = null;
                drop();
              }
            });
          }
        } else {
          for (String w : words) {
            step(true, () -> {
              sentTranscript.append(w);
              send(partEvent(protocol.textDelta, itemId, index).put("delta", w));
            });
          }
        }
        step(false, () -> closeMessage("completed"));
      }
      turn.functionCall().ifPresent(fc -> {
        String itemId = Ids.item();
        String callId = Ids.call();
        step(false, () -> {
          int index = output.size();
          ObjectNode item = item(itemId, "function_call", "in_progress");
          item.put("name", fc.name()).put("call_id", callId).put("arguments", "");
          output.add(item);
          send(ev("response.output_item.added").put("response_id", responseId).put("output_index", index)
              .set("item", item.deepCopy()));
          announceItem(item.deepCopy(), lastItemId, false);
          String args = fc.arguments();
          for (int i = 0; i < args.length(); i += 6) {
            send(ev("response.function_call_arguments.delta").put("response_id", responseId).put("item_id", itemId)
                .put("output_index", index).put("call_id", callId).put("delta",
                    args.substring(i, Math.min(args.length(), i + 6))));
          }
          send(ev("response.function_call_arguments.done").put("response_id", responseId).put("item_id", itemId)
              .put("output_index", index).put("call_id", callId).put("name", fc.name()).put("arguments", args));
          item.put("status", "completed").put("arguments", args);
          conversationTextChars += args.length();
          send(ev("response.output_item.done").put("response_id", responseId).put("output_index", index)
              .set("item", item.deepCopy()));
          itemDone(item);
        });
      });
      step(false, () -> finish("completed", null));
    }

    private void closeMessage(String status) {
      if (message == null || !partOpen) {
        return;
      }
      partOpen = false;
      String itemId = message.get("id").asText();
      int index = output.indexOf(message);
      String transcript = sentTranscript.toString();
      ObjectNode part = JSON.createObjectNode();
      if (audio) {
        send(partEvent(protocol.audioDone, itemId, index));
        send(partEvent(protocol.audioTranscriptDone, itemId, index).put("transcript", transcript));
        part.put("type", "audio").put("transcript", transcript);
        assistantAudioMs.put(itemId, sentAudioMs);
      } else {
        send(partEvent(protocol.textDone, itemId, index).put("text", transcript));
        part.put("type", "text").put("text", transcript);
      }
      send(partEvent("response.content_part.done", itemId, index).set("part", part));
      ObjectNode content = JSON.createObjectNode();
      if (audio) {
        content.put("type", protocol.audioContentType).put("transcript", transcript);
      } else {
        content.put("type", protocol.textContentType).put("text", transcript);
      }
      message.put("status", status);
      ((ArrayNode) message.get("content")).add(content);
      conversationTextChars += transcript.length();
      send(ev("response.output_item.done").put("response_id", responseId).put("output_index", index)
          .set("item", message.deepCopy()));
      itemDone(message);
    }

    void advance() {
      if (finished || next >= steps.size()) {
        return;
      }
      boolean pace = paced.get(next);
      steps.get(next++).run();
      if (finished) {
        return;
      }
      long interval = simulator.options().chunkIntervalMs();
      if (pace && interval > 0) {
        context.owner().setTimer(interval, t -> advance());
      } else {
        context.runOnContext(v -> advance());
      }
    }

    void cancel(String reason) {
      if (finished) {
        return;
      }
      closeMessage("incomplete");
      for (ObjectNode o : output) {
        if ("in_progress".equals(o.path("status").asText())) {
          o.put("status", "incomplete");
        }
      }
      ObjectNode details = JSON.createObjectNode().put("type", "cancelled").put("reason", reason);
      finish("cancelled", details);
    }

    private void finish(String status, ObjectNode details) {
      finished = true;
      if (active == this) {
        active = null;
      }
      ObjectNode response = responseObject(status, details);
      ArrayNode out = response.putArray("output");
      output.forEach(o -> out.add(o.deepCopy()));
      response.set("usage", usage());
      send(ev("response.done").set("response", response));
    }

    private ObjectNode usage() {
      long textIn = (session.path("instructions").asText("").length() + conversationTextChars) / 4 + 4L * items.size();
      long audioIn = conversationAudioMs / 100;
      long textOut = (sentTranscript.length() + 3) / 4;
      for (ObjectNode o : output) {
        if ("function_call".equals(o.path("type").asText())) {
          textOut += (o.path("arguments").asText().length() + 3) / 4 + 5;
        }
      }
      long audioOut = audio ? sentAudioMs / 50L : 0;
      if (output.isEmpty()) {
        textIn = 0;
        audioIn = 0;
      }
      long cachedText = previousInputText + previousInputAudio >= 1024 ? Math.min(textIn, previousInputText / 64 * 64) : 0;
      long cachedAudio = previousInputText + previousInputAudio >= 1024 ? Math.min(audioIn, previousInputAudio / 64 * 64) : 0;
      if (!output.isEmpty()) {
        previousInputText = textIn;
        previousInputAudio = audioIn;
      }
      ObjectNode u = JSON.createObjectNode();
      u.put("total_tokens", textIn + audioIn + textOut + audioOut).put("input_tokens", textIn + audioIn)
          .put("output_tokens", textOut + audioOut);
      ObjectNode inDetails = u.putObject("input_token_details");
      inDetails.put("text_tokens", textIn).put("audio_tokens", audioIn);
      if (protocol == RealtimeProtocol.GA) {
        inDetails.put("image_tokens", 0);
      }
      inDetails.put("cached_tokens", cachedText + cachedAudio);
      ObjectNode cachedDetails = inDetails.putObject("cached_tokens_details");
      cachedDetails.put("text_tokens", cachedText).put("audio_tokens", cachedAudio);
      if (protocol == RealtimeProtocol.GA) {
        cachedDetails.put("image_tokens", 0);
      }
      u.putObject("output_token_details").put("text_tokens", textOut).put("audio_tokens", audioOut);
      tokensUsed += textIn + audioIn + textOut + audioOut;
      return u;
    }

    private void rateLimits() {
      ObjectNode e = ev("rate_limits.updated");
      ArrayNode limits = e.putArray("rate_limits");
      long estimate = tokensUsed + (session.path("instructions").asText("").length() + conversationTextChars) / 4;
      if (protocol == RealtimeProtocol.BETA) {
        limits.addObject().put("name", "requests").put("limit", 20000).put("remaining", 19999)
            .put("reset_seconds", 0.003);
        limits.addObject().put("name", "tokens").put("limit", 15000000).put("remaining", 15000000 - estimate)
            .put("reset_seconds", 0.021);
      } else {
        limits.addObject().put("name", "tokens").put("limit", 40000).put("remaining", Math.max(0, 40000 - estimate))
            .put("reset_seconds", 2.265);
      }
      send(e);
    }

    private ObjectNode responseObject(String status, ObjectNode details) {
      ObjectNode r = JSON.createObjectNode();
      r.put("object", "realtime.response").put("id", responseId).put("status", status);
      r.set("status_details", details == null ? NullNode.instance : details);
      r.putArray("output");
      r.put("conversation_id", conversationId);
      if (protocol == RealtimeProtocol.GA) {
        r.set("output_modalities", JSON.createArrayNode().add(audio ? "audio" : "text"));
        r.set("max_output_tokens", session.path("max_output_tokens").deepCopy());
        ObjectNode out = r.putObject("audio").putObject("output");
        out.set("format", session.path("audio").path("output").path("format").deepCopy());
        out.set("voice", session.path("audio").path("output").path("voice").deepCopy());
      } else {
        r.set("modalities", session.path("modalities").deepCopy());
        r.set("voice", session.path("voice").deepCopy());
        r.set("output_audio_format", session.path("output_audio_format").deepCopy());
        r.set("temperature", session.path("temperature").deepCopy());
        r.set("max_output_tokens", session.path("max_response_output_tokens").deepCopy());
      }
      r.putNull("usage");
      r.set("metadata", params.has("metadata") ? params.get("metadata").deepCopy() : NullNode.instance);
      return r;
    }

    private ObjectNode partEvent(String type, String itemId, int index) {
      return ev(type).put("response_id", responseId).put("item_id", itemId).put("output_index", index)
          .put("content_index", 0);
    }
  }

  private ObjectNode item(String id, String type, String status) {
    ObjectNode item = JSON.createObjectNode();
    item.put("id", id);
    if (protocol == RealtimeProtocol.BETA) {
      item.put("object", "realtime.item");
    }
    return item.put("type", type).put("status", status);
  }

  /** conversation.item.added (+ .done when complete) in GA; conversation.item.created in beta. */
  private void announceItem(ObjectNode item, String previousItemId, boolean complete) {
    String id = item.get("id").asText();
    items.put(id, item);
    ObjectNode e = ev(protocol.itemAdded);
    e.put("previous_item_id", previousItemId);
    e.set("item", item.deepCopy());
    send(e);
    lastItemId = id;
    if (complete && protocol == RealtimeProtocol.GA) {
      send(ev("conversation.item.done").put("previous_item_id", previousItemId).set("item", item.deepCopy()));
    }
  }

  private void itemDone(ObjectNode item) {
    items.put(item.get("id").asText(), item.deepCopy());
    if (protocol == RealtimeProtocol.GA) {
      send(ev("conversation.item.done").set("item", item.deepCopy()));
    }
  }

  private static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ' ') {
        out.add(text.substring(start, i));
        start = i;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- session config

  private ObjectNode defaultSession(String reportedModel) {
    ObjectNode s;
    long expiresAt = createdAt.plus(maxDuration).getEpochSecond();
    try {
      if (protocol == RealtimeProtocol.GA) {
        s = (ObjectNode) JSON.readTree(GA_SESSION);
      } else {
        s = (ObjectNode) JSON.readTree(BETA_SESSION);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    s.put("id", Ids.session());
    s.put("model", reportedModel);
    s.put("expires_at", expiresAt);
    return s;
  }

  private void mergeSession(JsonNode update) {
    if (update == null || !update.isObject()) {
      return;
    }
    deepMerge(session, update);
    JsonNode td = turnDetection();
    if (td.isObject()) {
      ObjectNode t = (ObjectNode) td;
      if ("server_vad".equals(t.path("type").asText())) {
        putIfAbsent(t, "threshold", 0.5);
        putIfAbsent(t, "prefix_padding_ms", 300);
        putIfAbsent(t, "silence_duration_ms", 500);
        if (protocol == RealtimeProtocol.GA && !t.has("idle_timeout_ms")) {
          t.putNull("idle_timeout_ms");
        }
      } else if ("semantic_vad".equals(t.path("type").asText()) && !t.has("eagerness")) {
        t.put("eagerness", "auto");
      }
      if (!t.has("create_response")) {
        t.put("create_response", true);
      }
      if (!t.has("interrupt_response")) {
        t.put("interrupt_response", true);
      }
    }
  }

  private static void putIfAbsent(ObjectNode o, String name, double value) {
    if (!o.has(name)) {
      if (value == Math.rint(value)) {
        o.put(name, (int) value);
      } else {
        o.put(name, value);
      }
    }
  }

  private static void deepMerge(ObjectNode target, JsonNode update) {
    for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode current = target.get(e.getKey());
      if (current != null && current.isObject() && e.getValue().isObject()
          && !"turn_detection".equals(e.getKey()) && !"format".equals(e.getKey())) {
        deepMerge((ObjectNode) current, e.getValue());
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  // ---------------------------------------------------------------- replay, faults, output

  private void replay(java.nio.file.Path recording) {
    replaying = true;
    try {
      for (String line : java.nio.file.Files.readAllLines(recording)) {
        if (!line.isBlank()) {
          send((ObjectNode) JSON.readTree(line));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot replay " + recording, e);
    }
  }

  private void expire() {
    if (ended) {
      return;
    }
    long minutes = maxDuration.toMinutes();
    String limit = minutes >= 1 ? minutes + " minutes" : maxDuration.toSeconds() + " seconds";
    send(error("invalid_request_error", "session_expired", "Your session hit the maximum duration of " + limit + ".",
        null, null));
    ended = true;
    for (Socket s : sockets) {
      s.ws.close((short) 1000, "session expired");
    }
    signal();
  }

  private void cancelExpiry() {
    if (expiryTimer >= 0) {
      context.owner().cancelTimer(expiryTimer);
    }
  }

  private void drop() {
    ended = true;
    cancelExpiry();
    for (Socket s : sockets) {
      // below Vert.x and below the Netty pipeline: HttpConnection.close() and Channel.close() both pass through
      // Vert.x's handler, which still sends a WebSocket close frame (1000); a dropped network sends nothing
      if (s.connection instanceof io.vertx.core.net.impl.ConnectionBase) {
        io.netty.channel.Channel channel = ((io.vertx.core.net.impl.ConnectionBase) s.connection).channel();
        channel.config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
        channel.unsafe().close(channel.voidPromise());
      } else {
        s.connection.close();
      }
    }
    signal();
  }

  void onSimulatorClose() {
    cancelExpiry();
  }

  private ObjectNode ev(String type) {
    ObjectNode e = JSON.createObjectNode();
    e.put("type", type);
    e.put("event_id", Ids.event());
    return e;
  }

  private ObjectNode error(String type, String code, String message, String param, String eventId) {
    ObjectNode e = ev("error");
    ObjectNode err = e.putObject("error");
    err.put("type", type).put("code", code).put("message", message).put("param", param).put("event_id", eventId);
    return e;
  }

  private void send(ObjectNode event) {
    if (simulator.options().validateServerEvents()) {
      for (RealtimeContract.Violation v : simulator.contract().validateServerEvent(protocol, event,
          RealtimeContract.Mode.WIRE)) {
        String problem = event.path("type").asText() + " " + v;
        serverViolations.add(problem);
        System.err.println("[realtime-simulator] server event violates the contract: " + problem);
      }
    }
    sentEvents.add(event);
    String frame = event.toString();
    if (stalled) {
      stalledFrames.add(frame);
    } else {
      write(frame);
    }
    signal();
  }

  private void write(String frame) {
    for (Socket s : sockets) {
      if (!s.closed) {
        s.ws.writeTextMessage(frame);
      }
    }
  }

  private void signal() {
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  private <T> T await(Supplier<Optional<T>> probe, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (true) {
        Optional<T> v = probe.get();
        if (v.isPresent()) {
          return v.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException(new TimeoutException("timed out after " + timeout + " waiting for " + what
              + "; sent so far: " + sentTypes()));
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }

  private <T> T runAndGet(Supplier<T> supplier) {
    if (Context.isOnEventLoopThread() && context == io.vertx.core.Vertx.currentContext()) {
      return supplier.get();
    }
    java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
    context.runOnContext(v -> f.complete(supplier.get()));
    return f.join();
  }

  private static final class Socket {
    final ServerWebSocket ws;
    final HttpConnection connection;
    volatile boolean closed;

    Socket(ServerWebSocket ws, HttpConnection connection) {
      this.ws = ws;
      this.connection = connection;
    }
  }

  /** The GA session.created body seen on the wire (recordings/ga-websocket_gpt-realtime_turn1-frames). */
  private static final String GA_SESSION = "{\"type\":\"realtime\",\"object\":\"realtime.session\",\"id\":\"\","
      + "\"model\":\"gpt-realtime\",\"output_modalities\":[\"audio\"],\"instructions\":\"" + RealtimeSimulator.DEFAULT_INSTRUCTIONS
      + "\",\"tools\":[],\"tool_choice\":\"auto\",\"max_output_tokens\":\"inf\",\"tracing\":null,\"truncation\":\"auto\","
      + "\"prompt\":null,\"expires_at\":0,\"audio\":{\"input\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},"
      + "\"transcription\":null,\"noise_reduction\":null,\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,"
      + "\"prefix_padding_ms\":300,\"silence_duration_ms\":200,\"idle_timeout_ms\":null,\"create_response\":true,"
      + "\"interrupt_response\":true}},\"output\":{\"format\":{\"type\":\"audio/pcm\",\"rate\":24000},\"voice\":\"alloy\","
      + "\"speed\":1.0}},\"include\":null}";

  /** The beta session.created body seen on the wire (recordings/beta-webrtc_session-A). */
  private static final String BETA_SESSION = "{\"id\":\"\",\"object\":\"realtime.session\",\"expires_at\":0,"
      + "\"input_audio_noise_reduction\":null,\"turn_detection\":{\"type\":\"server_vad\",\"threshold\":0.5,"
      + "\"prefix_padding_ms\":300,\"silence_duration_ms\":200,\"create_response\":true,\"interrupt_response\":true},"
      + "\"input_audio_format\":\"pcm16\",\"input_audio_transcription\":null,\"client_secret\":null,\"include\":null,"
      + "\"model\":\"gpt-4o-realtime-preview-2024-12-17\",\"modalities\":[\"text\",\"audio\"],\"instructions\":\""
      + RealtimeSimulator.DEFAULT_INSTRUCTIONS + "\",\"voice\":\"alloy\",\"output_audio_format\":\"pcm16\","
      + "\"tool_choice\":\"auto\",\"temperature\":0.8,\"max_response_output_tokens\":\"inf\",\"speed\":1,\"tools\":[]}";
}
