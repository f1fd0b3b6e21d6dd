package dev.coachkit.adapter.web.coach;

import dev.coachkit.adapter.web.problem.ProblemException;
import dev.coachkit.ports.in.conversation.ListConversationMessagesQuery;
import dev.coachkit.ports.in.conversation.ListConversationMessagesUseCase;
import dev.coachkit.ports.in.conversation.ListConversationsQuery;
import dev.coachkit.ports.in.conversation.ListConversationsUseCase;
import dev.coachkit.ports.in.conversation.ListMessageHistoryQuery;
import dev.coachkit.ports.in.conversation.ListMessageHistoryUseCase;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.PageCursor;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The user's conversations and messages (text and voice, tool calls and results included). */
@Path("/api/coach")
@Tag(name = "conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class ConversationResource {

  private static final String CURSOR = "[A-Za-z0-9._~:=-]{1,512}";

  private final ListConversationsUseCase conversations;
  private final ListConversationMessagesUseCase messages;
  private final ListMessageHistoryUseCase history;
  private final CallerIds caller;
  private final CoachWebMapper mapper;

  @Inject
  ConversationResource(ListConversationsUseCase conversations, ListConversationMessagesUseCase messages,
      ListMessageHistoryUseCase history, CallerIds caller, CoachWebMapper mapper) {
    this.conversations = conversations;
    this.messages = messages;
    this.history = history;
    this.caller = caller;
    this.mapper = mapper;
  }

  @GET
  @Path("/conversations")
  @Operation(summary = "The user's conversations, most recently active first")
  public ConversationPageResponse conversations(
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Pattern(regexp = CURSOR)
          String cursor) {
    return mapper.conversationPage(conversations.list(
        new ListConversationsQuery(caller.user(), Optional.ofNullable(cursor).map(PageCursor::of), limit)));
  }

  @GET
  @Path("/conversations/{id}/messages")
  @Operation(summary = "A page of one conversation's messages in order; older pages with before")
  public MessagePageResponse messages(@PathParam("id") String id,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
      @Parameter(description = "Only messages with a sequence number below this (nextCursor of the previous page)")
          @QueryParam("before") @Min(1) Long before) {
    ConversationId conversationId = CallerIds.pathId(id, ConversationId::of, "conversation");
    return messages.list(new ListConversationMessagesQuery(caller.user(), conversationId,
            Optional.ofNullable(before), limit))
        .map(mapper::messagePage)
        .orElseThrow(() -> ProblemException.notFound("conversation"));
  }

  @GET
  @Path("/conversation/history")
  @Operation(summary = "The user's latest messages across all conversations, in time order; older with cursor")
  public MessagePageResponse history(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
      @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") @Size(max = 512)
          @Pattern(regexp = CURSOR) String cursor) {
    return mapper.messagePage(history.list(
        new ListMessageHistoryQuery(caller.user(), Optional.ofNullable(cursor).map(PageCursor::of), limit)));
  }
}
