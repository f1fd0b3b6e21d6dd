package dev.coachkit.domain.coaching;

import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Renders stored messages as a plain transcript for extraction prompts: what the user and the coach said, oldest
 * first, tool traffic and system notes left out, the newest lines kept when the transcript is over its budget.
 */
public final class ConversationTranscript {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private ConversationTranscript() {}

  /**
   * The transcript of these messages (given oldest first) in at most {@code maxChars} characters; empty when
   * none of them has words from the user or the coach.
   */
  public static String render(List<Message> messages, ZoneId zone, int maxChars) {
    Deque<String> lines = new ArrayDeque<>();
    int length = 0;
    for (int i = messages.size() - 1; i >= 0; i--) {
      Message message = messages.get(i);
      if (!spoken(message)) {
        continue;
      }
      String line = line(message, zone);
      if (length + line.length() + 1 > maxChars) {
        if (lines.isEmpty()) {
          lines.addFirst(line.substring(line.length() - Math.max(0, maxChars - 1)));
        }
        break;
      }
      lines.addFirst(line);
      length += line.length() + 1;
    }
    return String.join("\n", lines);
  }

  /** Whether the message holds words the user or the coach said. */
  public static boolean spoken(Message message) {
    return (message.role() == MessageRole.USER || message.role() == MessageRole.ASSISTANT)
        && !message.content().isBlank();
  }

  private static String line(Message message, ZoneId zone) {
    String who = message.role() == MessageRole.USER ? "User" : "Coach";
    StringBuilder line = new StringBuilder()
        .append('[').append(STAMP.format(message.createdAt().atZone(zone))).append("] ").append(who);
    if (message.channel() == Channel.VOICE) {
      line.append(" (voice)");
    }
    if (message.status() == MessageStatus.INTERRUPTED) {
      line.append(" (interrupted)");
    }
    return line.append(": ").append(message.content().strip().replace('\n', ' ')).toString();
  }
}
