package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTranscriptTest {
  private static final Instant T0 = TestConversationFactory.T0;
  private final UserId user = TestIds.user();
  private final ConversationId conversation = TestIds.conversation();

  private List<Message> stored(NewMessage... messages) {
    List<Message> stored = new ArrayList<>();
    for (int i = 0; i < messages.length; i++) {
      stored.add(Message.stored(messages[i], conversation, user, i + 1));
    }
    return stored;
  }

  @Test
  void givenToolTrafficAndAnInterruptedVoiceReply_render_keepsOnlyWhatWasSaidAndMarksTheInterruption() {
    ToolCall call = TestConversationFactory.progressCall("c1");
    List<Message> messages = stored(
        TestConversationFactory.userText("How am I doing?", T0),
        TestConversationFactory.assistantToolCall(call, T0.plusSeconds(1)),
        TestConversationFactory.toolResult(call, T0.plusSeconds(2)),
        TestConversationFactory.interruptedVoiceReply("You did three work", T0.plusSeconds(3)));

    String transcript = ConversationTranscript.render(messages, ZoneOffset.UTC, 10_000);

    assertThat(transcript).isEqualTo("[2026-01-05 10:00] User: How am I doing?\n"
        + "[2026-01-05 10:00] Coach (voice) (interrupted): You did three work");
  }

  @Test
  void givenATranscriptOverBudget_render_keepsTheNewestLines() {
    List<Message> messages = stored(
        TestConversationFactory.userText("old ".repeat(50), T0),
        TestConversationFactory.userText("newest", T0.plusSeconds(60)));

    String transcript = ConversationTranscript.render(messages, ZoneOffset.UTC, 100);

    assertThat(transcript).isEqualTo("[2026-01-05 10:01] User: newest");
  }
}
