package dev.coachkit.ports.out.conversation;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.AppendResult;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.ConversationStart;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.NewMessage;
import java.util.Optional;

/**
 * Driven port: stores conversations and their append-only messages.
 *
 * <p>Every read is scoped to a user: another user's conversation or message is reported as absent. Implementations
 * are safe for concurrent use, also across server instances sharing one database.
 */
public interface ConversationStore {

  /**
   * Creates a conversation. If the same user already created one with the same idempotency key, returns that
   * one unchanged instead.
   */
  Conversation create(NewConversation conversation);

  /**
   * Creates a conversation and appends its first message, as one unit: what {@link #create} and then
   * {@link #append} would do, for callers that start a conversation with a message. With a conversation
   * idempotency key already used by this user, the earlier conversation is kept and the message is appended to
   * it under the append rules (its own idempotency key may then find the earlier message).
   */
  ConversationStart start(NewConversation conversation, NewMessage firstMessage);

  /** The user's conversation with this id, if it exists and is theirs. */
  Optional<Conversation> find(UserId userId, ConversationId conversationId);

  /**
   * A page of the user's conversations, most recent activity first (ties by id). Pass the returned cursor to
   * get the next page; a conversation that gets a message while the caller pages may move.
   *
   * @param limit 1..100
   */
  Page<Conversation> list(UserId userId, Optional<PageCursor> cursor, int limit);

  /**
   * Appends a message, giving it the conversation's next sequence number (1, 2, 3, … with no gaps, even under
   * concurrent appends) and updating the conversation's activity time and message count.
   *
   * <p>If the message has an idempotency key already used in this conversation, nothing is stored and the
   * earlier message is returned with {@code alreadyStored = true}.
   *
   * @throws java.util.NoSuchElementException if the conversation does not exist or is not the user's
   */
  AppendResult append(UserId userId, ConversationId conversationId, NewMessage message);

  /** The user's message with this id, if it exists and is theirs. */
  Optional<Message> findMessage(UserId userId, MessageId messageId);

  /**
   * The newest {@code limit} messages of one conversation with a sequence below {@code beforeSequence} (all,
   * if empty), returned in ascending sequence order.
   *
   * <p>When older messages remain, {@code nextCursor} holds the decimal sequence number to pass as the next
   * {@code beforeSequence} (the lowest sequence on this page). Another user's conversation yields an empty page.
   *
   * @param limit 1..100
   */
  Page<Message> messages(UserId userId, ConversationId conversationId, Optional<Long> beforeSequence, int limit);

  /**
   * The user's messages across all conversations, newest page first, each page in chronological order
   * (ordered by createdAt, then conversation id, then sequence). The cursor is opaque.
   *
   * @param limit 1..100
   */
  Page<Message> history(UserId userId, Optional<PageCursor> cursor, int limit);

  /** Removes every conversation and message of this user, and nothing of anyone else. */
  void deleteAllOf(UserId userId);
}
