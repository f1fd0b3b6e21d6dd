package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.AppendResult;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.ConversationStart;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.out.conversation.ConversationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** In-memory {@link ConversationStore}; thread-safe by one lock, which is plenty for tests. */
public final class InMemoryConversationStore implements ConversationStore {
  private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();
  private final Map<ConversationId, List<Message>> messages = new HashMap<>();
  private final Map<String, ConversationId> creationKeys = new HashMap<>();

  private static final Comparator<Conversation> RECENT_FIRST =
      Comparator.comparing(Conversation::lastActivityAt)
          .thenComparing(c -> c.id().value().toString())
          .reversed();

  private static final Comparator<Message> CHRONOLOGICAL =
      Comparator.comparing(Message::createdAt)
          .thenComparing(m -> m.conversationId().value().toString())
          .thenComparingLong(Message::sequence);

  @Override
  public synchronized Conversation create(NewConversation c) {
    Require.nonNull(c, "conversation");
    if (c.idempotencyKey().isPresent()) {
      ConversationId earlier = creationKeys.get(c.userId().value() + "\n" + c.idempotencyKey().get());
      if (earlier != null) {
        return conversations.get(earlier);
      }
    }
    if (conversations.containsKey(c.id())) {
      throw new IllegalArgumentException("conversation " + c.id() + " already exists");
    }
    Conversation created = new Conversation(c.id(), c.userId(), c.title(), c.createdAt(), c.createdAt(), 0);
    conversations.put(c.id(), created);
    messages.put(c.id(), new ArrayList<>());
    c.idempotencyKey().ifPresent(k -> creationKeys.put(c.userId().value() + "\n" + k, c.id()));
    return created;
  }

  @Override
  public synchronized ConversationStart start(NewConversation conversation, NewMessage firstMessage) {
    Conversation created = create(conversation);
    AppendResult first = append(created.userId(), created.id(), firstMessage);
    return new ConversationStart(conversations.get(created.id()), first);
  }

  @Override
  public synchronized Optional<Conversation> find(UserId userId, ConversationId conversationId) {
    return Optional.ofNullable(conversations.get(conversationId)).filter(c -> c.userId().equals(userId));
  }

  @Override
  public synchronized Page<Conversation> list(UserId userId, Optional<PageCursor> cursor, int limit) {
    Require.limit(limit);
    List<Conversation> mine =
        conversations.values().stream().filter(c -> c.userId().equals(userId)).sorted(RECENT_FIRST).toList();
    if (cursor.isPresent()) {
      // Keyset: everything strictly after (lastActivityAt, id) in recent-first order.
      String[] parts = cursor.get().value().split("_", 2);
      Instant at = Instant.parse(parts[0]);
      String id = UUID.fromString(parts[1]).toString();
      mine =
          mine.stream()
              .filter(c -> {
                int byTime = c.lastActivityAt().compareTo(at);
                return byTime < 0 || (byTime == 0 && c.id().value().toString().compareTo(id) < 0);
              })
              .toList();
    }
    List<Conversation> page = mine.subList(0, Math.min(limit, mine.size()));
    Optional<PageCursor> next = Optional.empty();
    if (mine.size() > limit) {
      Conversation last = page.get(page.size() - 1);
      next = Optional.of(PageCursor.of(last.lastActivityAt() + "_" + last.id()));
    }
    return new Page<>(page, next);
  }

  @Override
  public synchronized AppendResult append(UserId userId, ConversationId conversationId, NewMessage message) {
    Conversation conversation =
        find(userId, conversationId)
            .orElseThrow(() -> new NoSuchElementException("no conversation " + conversationId + " of " + userId));
    List<Message> list = messages.get(conversationId);
    if (message.idempotencyKey().isPresent()) {
      for (Message m : list) {
        if (m.idempotencyKey().equals(message.idempotencyKey())) {
          return new AppendResult(m, true);
        }
      }
    }
    Message stored = Message.stored(message, conversationId, userId, list.size() + 1L);
    list.add(stored);
    Instant activity =
        stored.createdAt().isAfter(conversation.lastActivityAt()) ? stored.createdAt() : conversation.lastActivityAt();
    conversations.put(conversationId, new Conversation(conversation.id(), conversation.userId(), conversation.title(),
        conversation.createdAt(), activity, list.size()));
    return new AppendResult(stored, false);
  }

  @Override
  public synchronized Optional<Message> findMessage(UserId userId, MessageId messageId) {
    return messages.values().stream()
        .flatMap(List::stream)
        .filter(m -> m.id().equals(messageId) && m.userId().equals(userId))
        .findFirst();
  }

  @Override
  public synchronized Page<Message> messages(
      UserId userId, ConversationId conversationId, Optional<Long> beforeSequence, int limit) {
    Require.limit(limit);
    if (find(userId, conversationId).isEmpty()) {
      return Page.last(List.of());
    }
    long before = beforeSequence.orElse(Long.MAX_VALUE);
    List<Message> older = messages.get(conversationId).stream().filter(m -> m.sequence() < before).toList();
    List<Message> page = older.subList(Math.max(0, older.size() - limit), older.size());
    Optional<PageCursor> next =
        older.size() > limit ? Optional.of(PageCursor.of(Long.toString(page.get(0).sequence()))) : Optional.empty();
    return new Page<>(page, next);
  }

  @Override
  public synchronized Page<Message> history(UserId userId, Optional<PageCursor> cursor, int limit) {
    Require.limit(limit);
    List<Message> all =
        messages.values().stream()
            .flatMap(List::stream)
            .filter(m -> m.userId().equals(userId))
            .sorted(CHRONOLOGICAL)
            .toList();
    List<Message> older = all;
    if (cursor.isPresent()) {
      String[] parts = cursor.get().value().split("_", 3);
      Instant at = Instant.parse(parts[0]);
      String conversation = UUID.fromString(parts[1]).toString();
      long sequence = Long.parseLong(parts[2]);
      older =
          all.stream()
              .filter(m -> compareKey(m, at, conversation, sequence) < 0)
              .toList();
    }
    List<Message> page = older.subList(Math.max(0, older.size() - limit), older.size());
    Optional<PageCursor> next = Optional.empty();
    if (older.size() > limit) {
      Message first = page.get(0);
      next = Optional.of(PageCursor.of(first.createdAt() + "_" + first.conversationId() + "_" + first.sequence()));
    }
    return new Page<>(page, next);
  }

  private static int compareKey(Message m, Instant at, String conversation, long sequence) {
    int c = m.createdAt().compareTo(at);
    if (c != 0) {
      return c;
    }
    c = m.conversationId().value().toString().compareTo(conversation);
    return c != 0 ? c : Long.compare(m.sequence(), sequence);
  }

  @Override
  public synchronized void deleteAllOf(UserId userId) {
    List<ConversationId> doomed =
        conversations.values().stream().filter(c -> c.userId().equals(userId)).map(Conversation::id).toList();
    doomed.forEach(
        id -> {
          conversations.remove(id);
          messages.remove(id);
        });
    creationKeys.values().removeIf(doomed::contains);
  }
}
