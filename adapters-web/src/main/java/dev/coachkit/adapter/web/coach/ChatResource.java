package dev.coachkit.adapter.web.coach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.adapter.web.problem.ProblemException;
import dev.coachkit.ports.in.conversation.ChatStreamEvent;
import dev.coachkit.ports.in.conversation.ChatTurnResult;
import dev.coachkit.ports.in.conversation.SendChatMessageCommand;
import dev.coachkit.ports.in.conversation.SendChatMessageUseCase;
import dev.coachkit.ports.in.conversation.StreamChatMessageUseCase;
import dev.coachkit.ports.model.common.ConversationId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Chat turns: a blocking reply, or the reply streamed as Server-Sent Events. */
@Path("/api/coach/chat")
@Tag(name = "chat")
@Authenticated
class ChatResource {

  private final SendChatMessageUseCase sendChat;
  private final StreamChatMessageUseCase streamChat;
  private final CallerIds caller;
  private final CoachWebMapper mapper;
  private final ObjectMapper json;
  private final TurnMetrics metrics;

  @Inject
  ChatResource(SendChatMessageUseCase sendChat, StreamChatMessageUseCase streamChat, CallerIds caller,
      CoachWebMapper mapper, ObjectMapper json, TurnMetrics metrics) {
    this.sendChat = sendChat;
    this.streamChat = streamChat;
    this.caller = caller;
    this.mapper = mapper;
    this.json = json;
    this.metrics = metrics;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send a chat message and wait for the coach's reply",
      description = "Refused turns answer a problem: 429 (daily budget, rate limit; Retry-After), 503 (no model "
          + "configured, or the provider is down), 404 (unknown conversation). The user's message is stored "
          + "even when the model fails.")
  public ChatResponse chat(@Valid @NotNull ChatRequest request) {
    long start = System.nanoTime();
    ChatTurnResult result = sendChat.send(command(request));
    if (result instanceof ChatTurnResult.Refused) {
      metrics.turn("blocking", "refused", start);
      throw ProblemException.of(((ChatTurnResult.Refused) result).refusal());
    }
    metrics.turn("blocking", "replied", start);
    return mapper.toResponse(((ChatTurnResult.Replied) result).reply());
  }

  @POST
  @Path("/stream")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Send a chat message and stream the reply as Server-Sent Events",
      description = "Events: delta {text}, tool_call {callId,name,arguments}, tool_result {callId,name,result,error},"
          + " then done (the ChatResponse, usage included) or error (a problem detail). A turn refused before its"
          + " first event answers a problem with the HTTP status instead of a stream.")
  public void stream(@Valid @NotNull ChatRequest request, @Context SseEventSink sink, @Context Sse sse,
      @Context UriInfo uri) {
    long start = System.nanoTime();
    Flow.Publisher<ChatStreamEvent> events = streamChat.stream(command(request));
    SseRelay relay = new SseRelay(sink, sse, this::encode, metrics, start, "/" + uri.getPath().replaceFirst("^/", ""));
    events.subscribe(relay);
    ChatStreamEvent first = relay.awaitFirst();
    if (first instanceof ChatStreamEvent.Failed) {
      ChatStreamEvent.Failed failed = (ChatStreamEvent.Failed) first;
      relay.discard();
      metrics.turn("stream", "refused", start);
      throw ProblemException.of(failed.reason(), failed.message(), failed.retryAfter());
    }
    relay.startForwarding();
  }

  private SendChatMessageCommand command(ChatRequest request) {
    return new SendChatMessageCommand(caller.user(),
        Optional.ofNullable(request.conversationId()).map(ConversationId::of), request.message(),
        Optional.ofNullable(request.idempotencyKey()));
  }

  /** The SSE name and JSON data of an event. */
  private SseRelay.Encoded encode(ChatStreamEvent event) {
    switch (event.kind()) {
      case DELTA:
        return new SseRelay.Encoded("delta", write(new DeltaEvent(((ChatStreamEvent.Delta) event).text())));
      case TOOL_CALL_STARTED:
        return new SseRelay.Encoded("tool_call",
            write(mapper.toResponse(((ChatStreamEvent.ToolCallStarted) event).call())));
      case TOOL_CALL_FINISHED:
        return new SseRelay.Encoded("tool_result",
            write(mapper.toResponse(((ChatStreamEvent.ToolCallFinished) event).result())));
      case COMPLETED:
        return new SseRelay.Encoded("done", write(mapper.toResponse(((ChatStreamEvent.Completed) event).reply())));
      case FAILED:
        ChatStreamEvent.Failed failed = (ChatStreamEvent.Failed) event;
        return new SseRelay.Encoded("error", write(
            ProblemException.of(failed.reason(), failed.message(), failed.retryAfter()).toDetail(null)));
      default:
        throw new IllegalStateException("unknown event kind " + event.kind());
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
