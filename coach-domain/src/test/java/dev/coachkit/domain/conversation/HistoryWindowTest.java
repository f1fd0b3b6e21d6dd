package dev.coachkit.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.domain.context.TokenEstimator;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryWindowTest {
  private static final Instant T = TestConversationFactory.T0;
  private final UserId user = TestIds.user();
  private final ConversationId conversation = TestIds.conversation();
  private final List<Message> messages = new ArrayList<>();

  private HistoryWindow window(int maxMessages, int maxTokens) {
    return new HistoryWindow(new HistoryWindowPolicy(maxMessages, maxTokens), TokenEstimator.DEFAULT);
  }

  private Message add(NewMessage m) {
    Message stored = Message.stored(m, conversation, user, messages.size() + 1L);
    messages.add(stored);
    return stored;
  }

  private Message user(String text) {
    return add(TestConversationFactory.userText(text, T));
  }

  private Message assistant(String text) {
    return add(TestConversationFactory.assistantText(text, T));
  }

  private List<Message> toolTurn(String callId) {
    ToolCall call = TestConversationFactory.progressCall(callId);
    return List.of(add(TestConversationFactory.assistantToolCall(call, T)),
        add(TestConversationFactory.toolResult(call, T)));
  }

  @Test
  void givenMoreMessagesThanTheCap_select_keepsTheNewest() {
    for (int i = 0; i < 30; i++) {
      user("question " + i);
      assistant("answer " + i);
    }

    List<Message> window = window(20, 10_000).select(messages);

    assertThat(window).hasSize(20).isEqualTo(messages.subList(40, 60));
  }

  @Test
  void givenATokenBudget_select_keepsOnlyWhatFits() {
    user("a".repeat(400)); // 100 + 4 tokens
    assistant("b".repeat(400));
    Message last = user("c".repeat(40)); // 10 + 4 tokens

    assertThat(window(20, 150).select(messages)).containsExactly(messages.get(1), last);
  }

  @Test
  void givenTheNewestMessageAloneOverBudget_select_stillKeepsIt() {
    user("short");
    Message huge = user("x".repeat(4_000));

    assertThat(window(20, 10).select(messages)).containsExactly(huge);
  }

  @Test
  void givenACapThatWouldSplitAToolCallFromItsResult_select_dropsBothNeverTheResultAlone() {
    user("how am I doing?");
    toolTurn("call-1");
    Message reply = assistant("You trained 3 times.");
    Message next = user("thanks");

    List<Message> window = window(3, 10_000).select(messages);

    assertThat(window).containsExactly(reply, next);
    assertThat(window.get(0).role()).isNotEqualTo(MessageRole.TOOL);
  }

  @Test
  void givenRoomForTheWholeToolTurn_select_keepsCallAndResultTogetherInOrder() {
    Message question = user("how am I doing?");
    List<Message> tool = toolTurn("call-1");
    Message reply = assistant("You trained 3 times.");

    assertThat(window(4, 10_000).select(messages)).containsExactly(question, tool.get(0), tool.get(1), reply);
  }

  @Test
  void givenAFetchedPageStartingWithAToolResult_select_dropsTheOrphanResult() {
    user("how am I doing?");
    toolTurn("call-1");
    Message reply = assistant("You trained 3 times.");
    List<Message> pageStartingAtResult = messages.subList(2, messages.size());

    assertThat(window(20, 10_000).select(pageStartingAtResult)).containsExactly(reply);
  }

  @Test
  void givenAToolCallWithoutItsResult_select_leavesTheCallOut() {
    Message question = user("plan please");
    ToolCall call = TestConversationFactory.progressCall("call-9");
    add(TestConversationFactory.assistantToolCall(call, T));
    Message retry = user("are you there?");

    assertThat(window(20, 10_000).select(messages)).containsExactly(question, retry);
  }

  @Test
  void givenAToolCallMessageWithTwoCallsAndOneResult_select_leavesTheWholeUnitOut() {
    Message question = user("plan please");
    ToolCall a = TestConversationFactory.progressCall("call-a");
    ToolCall b = TestConversationFactory.progressCall("call-b");
    add(new NewMessage(TestIds.message(), MessageRole.ASSISTANT, dev.coachkit.ports.model.conversation.Channel.TEXT,
        MessageStatus.COMPLETE, "", List.of(a, b), Optional.empty(), Optional.empty(), false, Optional.empty(), T));
    add(TestConversationFactory.toolResult(a, T));
    Message next = user("hello?");

    assertThat(window(20, 10_000).select(messages)).containsExactly(question, next);
  }

  @Test
  void givenAFailedTurnMarker_select_leavesItOut() {
    Message question = user("hi");
    add(new NewMessage(TestIds.message(), MessageRole.ASSISTANT, dev.coachkit.ports.model.conversation.Channel.TEXT,
        MessageStatus.FAILED, "half an ans", List.of(), Optional.empty(), Optional.empty(), false,
        Optional.empty(), T));
    Message again = user("hi again");

    assertThat(window(20, 10_000).select(messages)).containsExactly(question, again);
  }

  @Test
  void givenAnInterruptedVoiceReply_select_keepsWhatWasSaid() {
    Message question = user("tell me a plan");
    Message interrupted = add(TestConversationFactory.interruptedVoiceReply("So first you", T));

    assertThat(window(20, 10_000).select(messages)).containsExactly(question, interrupted);
  }

  @Test
  void givenAToolTurn_modelMessages_mapsRolesToModelMessages() {
    user("how am I doing?");
    toolTurn("call-1");
    assistant("Well.");

    List<ModelMessage> model = window(20, 10_000).modelMessages(messages);

    assertThat(model).hasSize(4);
    assertThat(model.get(0)).isEqualTo(new ModelMessage.UserText("how am I doing?"));
    assertThat(((ModelMessage.AssistantText) model.get(1)).toolCalls()).extracting(ToolCall::callId)
        .containsExactly("call-1");
    assertThat(model.get(2)).isEqualTo(new ModelMessage.ToolOutput("call-1", "get_user_progress", "{\"workouts\":3}"));
    assertThat(model.get(3)).isEqualTo(new ModelMessage.AssistantText("Well.", List.of()));
  }

  @Test
  void givenNoMessages_select_isEmpty() {
    assertThat(window(20, 100).select(List.of())).isEmpty();
  }

  @Test
  void givenLimitsOutOfRange_policy_isRejected() {
    assertThatThrownBy(() -> new HistoryWindowPolicy(0, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HistoryWindowPolicy(101, 100)).hasMessageContaining("maxMessages");
    assertThat(HistoryWindowPolicy.defaults().maxMessages()).isEqualTo(20);
  }
}
