package dev.coachkit.domain.conversation;

import dev.coachkit.domain.context.TokenEstimator;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.model.ModelMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses the newest turns of a conversation that fit the {@link HistoryWindowPolicy}, for a model request.
 *
 * <p>Messages are grouped into units that are kept or dropped whole: an assistant message with tool calls
 * together with the tool results that answer it; every other message alone. A unit whose tool calls are not all
 * answered is left out (a call is never sent without its result), and so is a tool result whose call is not in
 * the window (never an orphan result, never a window that starts with one). Failed-turn markers (assistant
 * messages with status FAILED) are not history. Units are taken from the newest backwards while both limits
 * hold; the newest unit (the user's message of this turn) is always kept, even alone over the token budget.
 * Each message counts its content, tool calls and results as estimated tokens plus 4 for its framing.
 */
public final class HistoryWindow {
  static final int TOKENS_PER_MESSAGE = 4;

  private final HistoryWindowPolicy policy;
  private final TokenEstimator estimator;

  public HistoryWindow(HistoryWindowPolicy policy, TokenEstimator estimator) {
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.estimator = Objects.requireNonNull(estimator, "estimator must not be null");
  }

  public HistoryWindowPolicy policy() {
    return policy;
  }

  /** The stored messages (in sequence order) that go into the window, in sequence order. */
  public List<Message> select(List<Message> messages) {
    Objects.requireNonNull(messages, "messages must not be null");
    List<List<Message>> units = units(messages);
    List<List<Message>> chosen = new ArrayList<>();
    int count = 0;
    int tokens = 0;
    for (int i = units.size() - 1; i >= 0; i--) {
      List<Message> unit = units.get(i);
      int unitTokens = unit.stream().mapToInt(this::tokens).sum();
      boolean fits = count + unit.size() <= policy.maxMessages() && tokens + unitTokens <= policy.maxTokens();
      if (!fits && !chosen.isEmpty()) {
        break;
      }
      chosen.add(0, unit);
      count += unit.size();
      tokens += unitTokens;
    }
    List<Message> window = new ArrayList<>();
    chosen.forEach(window::addAll);
    return window;
  }

  /** The window as model messages. */
  public List<ModelMessage> modelMessages(List<Message> messages) {
    List<ModelMessage> out = new ArrayList<>();
    for (Message m : select(messages)) {
      out.add(toModel(m));
    }
    return out;
  }

  /** One stored message as the model reads it. */
  static ModelMessage toModel(Message m) {
    switch (m.role()) {
      case USER:
        return new ModelMessage.UserText(m.content());
      case ASSISTANT:
        return new ModelMessage.AssistantText(m.content(), m.toolCalls());
      case TOOL:
        return new ModelMessage.ToolOutput(m.toolResult().get().callId(), m.toolResult().get().name(),
            Json.write(m.toolResult().get().result()));
      default:
        return new ModelMessage.SystemText(m.content());
    }
  }

  private int tokens(Message m) {
    int tokens = TOKENS_PER_MESSAGE + estimator.estimate(m.content());
    for (ToolCall call : m.toolCalls()) {
      tokens += estimator.estimate(call.name()) + estimator.estimate(Json.write(call.arguments()));
    }
    if (m.toolResult().isPresent()) {
      tokens += estimator.estimate(Json.write(m.toolResult().get().result()));
    }
    return tokens;
  }

  /** Groups messages into units kept or dropped whole; incomplete tool units and orphans are left out. */
  private static List<List<Message>> units(List<Message> messages) {
    List<List<Message>> units = new ArrayList<>();
    int i = 0;
    while (i < messages.size()) {
      Message m = messages.get(i);
      i++;
      if (!isHistory(m)) {
        continue;
      }
      if (m.role() == MessageRole.TOOL) {
        continue; // a result whose call is not right before it in the window: an orphan
      }
      if (m.role() != MessageRole.ASSISTANT || m.toolCalls().isEmpty()) {
        units.add(List.of(m));
        continue;
      }
      Set<String> open = new HashSet<>();
      m.toolCalls().forEach(c -> open.add(c.callId()));
      List<Message> unit = new ArrayList<>();
      unit.add(m);
      while (i < messages.size() && messages.get(i).role() == MessageRole.TOOL
          && open.remove(messages.get(i).toolResult().get().callId())) {
        unit.add(messages.get(i));
        i++;
      }
      if (open.isEmpty()) {
        units.add(List.copyOf(unit));
      }
    }
    return units;
  }

  private static boolean isHistory(Message m) {
    if (m.status() == MessageStatus.FAILED && m.role() == MessageRole.ASSISTANT) {
      return false;
    }
    return m.role() != MessageRole.SYSTEM || !m.content().isBlank();
  }
}
