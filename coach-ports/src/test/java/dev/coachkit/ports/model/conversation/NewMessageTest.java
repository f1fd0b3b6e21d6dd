package dev.coachkit.ports.model.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewMessageTest {
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
  private static final ToolCall CALL = new ToolCall("call_1", "get_user_progress", JsonObject.EMPTY);
  private static final ToolResult RESULT = new ToolResult("call_1", "get_user_progress", JsonObject.EMPTY, false);

  private static NewMessage message(MessageRole role, List<ToolCall> calls, Optional<ToolResult> result) {
    return new NewMessage(MessageId.of(UUID.randomUUID()), role, Channel.TEXT, MessageStatus.COMPLETE, "", calls,
        result, Optional.empty(), false, Optional.empty(), AT);
  }

  @Test
  void givenAssistantWithToolCalls_construct_keepsAnImmutableCopy() {
    List<ToolCall> calls = new ArrayList<>(List.of(CALL));

    NewMessage m = message(MessageRole.ASSISTANT, calls, Optional.empty());
    calls.clear();

    assertThat(m.toolCalls()).containsExactly(CALL);
  }

  @Test
  void givenUserMessageWithToolCalls_construct_isRejected() {
    assertThatThrownBy(() -> message(MessageRole.USER, List.of(CALL), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toolCalls");
  }

  @Test
  void givenToolMessageWithoutResult_construct_isRejected() {
    assertThatThrownBy(() -> message(MessageRole.TOOL, List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toolResult");
  }

  @Test
  void givenAssistantMessageWithResult_construct_isRejected() {
    assertThatThrownBy(() -> message(MessageRole.ASSISTANT, List.of(), Optional.of(RESULT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toolResult");
  }

  @Test
  void givenBlankIdempotencyKey_construct_isRejected() {
    assertThatThrownBy(() -> new NewMessage(MessageId.of(UUID.randomUUID()), MessageRole.USER, Channel.TEXT,
            MessageStatus.COMPLETE, "hi", List.of(), Optional.empty(), Optional.empty(), false, Optional.of(" "), AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idempotencyKey");
  }

  @Test
  void givenNewMessage_stored_carriesEveryFieldAndTheSequence() {
    NewMessage m = message(MessageRole.TOOL, List.of(), Optional.of(RESULT));

    Message stored = Message.stored(m, dev.coachkit.ports.model.common.ConversationId.of(UUID.randomUUID()),
        dev.coachkit.ports.model.common.UserId.of("u"), 7);

    assertThat(stored.sequence()).isEqualTo(7);
    assertThat(stored.toolResult()).contains(RESULT);
    assertThat(stored.id()).isEqualTo(m.id());
  }
}
