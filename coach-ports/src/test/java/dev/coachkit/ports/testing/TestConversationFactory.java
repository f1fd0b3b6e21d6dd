package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Fixtures for conversations and messages. */
public final class TestConversationFactory {
  /** A whole-second instant, exact in every store (PostgreSQL keeps microseconds). */
  public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private TestConversationFactory() {}

  public static NewConversation newConversation(UserId userId) {
    return newConversation(userId, T0);
  }

  public static NewConversation newConversation(UserId userId, Instant createdAt) {
    return new NewConversation(TestIds.conversation(), userId, Optional.of("Training chat"), createdAt,
        Optional.empty());
  }

  public static NewConversation newConversation(UserId userId, String idempotencyKey) {
    return new NewConversation(TestIds.conversation(), userId, Optional.empty(), T0, Optional.of(idempotencyKey));
  }

  public static NewMessage userText(String text, Instant at) {
    return NewMessage.text(TestIds.message(), MessageRole.USER, text, at);
  }

  public static NewMessage userText(String text, Instant at, String idempotencyKey) {
    return new NewMessage(TestIds.message(), MessageRole.USER, Channel.TEXT, MessageStatus.COMPLETE, text, List.of(),
        Optional.empty(), Optional.empty(), false, Optional.of(idempotencyKey), at);
  }

  public static NewMessage assistantText(String text, Instant at) {
    return NewMessage.text(TestIds.message(), MessageRole.ASSISTANT, text, at);
  }

  public static ToolCall progressCall(String callId) {
    return new ToolCall(callId, "get_user_progress", JsonObject.builder().put("days", 7).build());
  }

  public static NewMessage assistantToolCall(ToolCall call, Instant at) {
    return new NewMessage(TestIds.message(), MessageRole.ASSISTANT, Channel.TEXT, MessageStatus.COMPLETE, "",
        List.of(call), Optional.empty(), Optional.empty(), false, Optional.empty(), at);
  }

  public static NewMessage toolResult(ToolCall call, Instant at) {
    ToolResult result = new ToolResult(call.callId(), call.name(), JsonObject.builder().put("workouts", 3).build(),
        false);
    return new NewMessage(TestIds.message(), MessageRole.TOOL, Channel.TEXT, MessageStatus.COMPLETE, "",
        List.of(), Optional.of(result), Optional.empty(), false, Optional.empty(), at);
  }

  public static NewMessage interruptedVoiceReply(String saidSoFar, Instant at) {
    return new NewMessage(TestIds.message(), MessageRole.ASSISTANT, Channel.VOICE, MessageStatus.INTERRUPTED,
        saidSoFar, List.of(), Optional.empty(), Optional.of(TestIds.voiceSession()), false, Optional.empty(), at);
  }
}
