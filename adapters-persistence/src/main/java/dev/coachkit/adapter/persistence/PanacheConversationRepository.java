package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.ConversationJpaEntity;
import dev.coachkit.adapter.persistence.internal.ConversationJpaRepository;
import dev.coachkit.adapter.persistence.internal.ConversationMapper;
import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.adapter.persistence.internal.MessageJpaEntity;
import dev.coachkit.adapter.persistence.internal.MessageJpaRepository;
import dev.coachkit.adapter.persistence.internal.NamedSql;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.AppendResult;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.ConversationStart;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.out.conversation.ConversationStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.query.NativeQuery;

/**
 * {@link ConversationStore} on PostgreSQL. Every method is one transaction: the single statements a chat turn runs
 * ({@link #start}, {@link #append} without an idempotency key, {@link #history}) as one autocommit statement when
 * the caller has no transaction (ADR-0013), everything else in a JTA transaction; a caller's transaction is joined.
 *
 * <p>Appends lock the conversation row ({@code SELECT … FOR NO KEY UPDATE}), so appends to one conversation run
 * one after another: the sequence is the locked row's {@code message_count + 1} (gap-free, as nothing that took
 * a number can roll back after taking it without rolling the count back too), and the idempotency key is looked
 * up after the lock, so two appends with the same key store one row and both return it. The unique indexes on
 * (conversation, sequence) and (conversation, idempotency key) back both rules up in the database.
 */
@ApplicationScoped
@Transactional
public class PanacheConversationRepository implements ConversationStore {

  /** The history query; the benchmark runs this exact text. */
  static final String HISTORY_SQL = "SELECT m.* FROM messages m WHERE m.user_id = :user"
      + " ORDER BY m.created_at DESC, m.conversation_id DESC, m.sequence_number DESC LIMIT :limit";

  /** The history query after a cursor (row comparison, so the index range starts at the cursor). */
  static final String HISTORY_AFTER_CURSOR_SQL = "SELECT m.* FROM messages m WHERE m.user_id = :user"
      + " AND (m.created_at, m.conversation_id, m.sequence_number) < (:at, :conversation, :sequence)"
      + " ORDER BY m.created_at DESC, m.conversation_id DESC, m.sequence_number DESC LIMIT :limit";

  /** The columns of a message insert; {@link #messageParams} binds them. */
  private static final String MESSAGE_COLUMNS = "INSERT INTO messages (id, conversation_id, user_id, sequence_number,"
      + " role, channel, status, content, tool_calls, tool_result, voice_session_id, flagged_for_review,"
      + " idempotency_key, created_at)";

  /** The same message values, with the sequence number taken from the CTE {@code c}. */
  private static final String MESSAGE_VALUES = " SELECT :messageId, :conversation, :user, c.seq, :role, :channel,"
      + " :status, :content, CAST(:toolCalls AS jsonb), CAST(:toolResult AS jsonb), :voiceSession, :flagged,"
      + " :messageKey, :messageAt FROM c";

  /**
   * Append without an idempotency key, one statement: the UPDATE takes the conversation's row lock (appends to one
   * conversation queue on it, as with SELECT … FOR NO KEY UPDATE), counts the message and yields its sequence;
   * no row (unknown, or another user's) inserts nothing.
   */
  private static final String APPEND_SQL = "WITH c AS (UPDATE conversations SET message_count = message_count + 1,"
      + " last_activity_at = GREATEST(last_activity_at, :messageAt)"
      + " WHERE id = :conversation AND user_id = :user RETURNING message_count AS seq) "
      + MESSAGE_COLUMNS + MESSAGE_VALUES;

  /**
   * A new conversation and its first message, one statement. With an idempotency key that the user already used,
   * ON CONFLICT inserts no conversation and so no message either.
   */
  private static final String START_SQL = "WITH c AS (INSERT INTO conversations"
      + " (id, user_id, title, idempotency_key, created_at, last_activity_at, message_count)"
      + " VALUES (:conversation, :user, :title, :conversationKey, :createdAt, GREATEST(CAST(:createdAt AS timestamptz), CAST(:messageAt AS timestamptz)), 1)"
      + " ON CONFLICT (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING"
      + " RETURNING 1::bigint AS seq) "
      + MESSAGE_COLUMNS + MESSAGE_VALUES;

  private static final NamedSql HISTORY = NamedSql.of(HISTORY_SQL);
  private static final NamedSql HISTORY_AFTER_CURSOR = NamedSql.of(HISTORY_AFTER_CURSOR_SQL);
  private static final NamedSql APPEND = NamedSql.of(APPEND_SQL + " RETURNING sequence_number");
  private static final NamedSql START = NamedSql.of(START_SQL);

  private final ConversationJpaRepository conversations;
  private final MessageJpaRepository messages;
  private final ConversationMapper mapper;
  private final DataSource dataSource;

  PanacheConversationRepository(ConversationJpaRepository conversations, MessageJpaRepository messages,
      ConversationMapper mapper, DataSource dataSource) {
    this.conversations = conversations;
    this.messages = messages;
    this.mapper = mapper;
    this.dataSource = dataSource;
  }

  @Override
  public Conversation create(NewConversation conversation) {
    if (conversation.idempotencyKey().isEmpty()) {
      ConversationJpaEntity entity = mapper.toEntity(conversation);
      conversations.persist(entity);
      return mapper.toModel(entity);
    }
    // Concurrent creates with one key: the partial unique index lets exactly one insert through.
    conversations.getEntityManager()
        .createNativeQuery("INSERT INTO conversations"
            + " (id, user_id, title, idempotency_key, created_at, last_activity_at, message_count)"
            + " VALUES (:id, :user, :title, :key, :at, :at, 0)"
            + " ON CONFLICT (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING")
        .unwrap(NativeQuery.class)
        .setParameter("id", conversation.id().value(), UUID.class)
        .setParameter("user", conversation.userId().value(), String.class)
        .setParameter("title", conversation.title().orElse(null), String.class)
        .setParameter("key", conversation.idempotencyKey().get(), String.class)
        .setParameter("at", conversation.createdAt(), Instant.class)
        .executeUpdate();
    return conversations
        .find("userId = ?1 and idempotencyKey = ?2", conversation.userId().value(),
            conversation.idempotencyKey().get())
        .firstResultOptional()
        .map(mapper::toModel)
        .orElseThrow();
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public ConversationStart start(NewConversation conversation, NewMessage firstMessage) {
    UUID id = conversation.id().value();
    String user = conversation.userId().value();
    MessageJpaEntity message = mapper.toEntity(firstMessage, id, user, 1);
    // Plain JDBC, one autocommit statement or in the caller's transaction (see Jdbc): the common case needs no
    // Hibernate session and no transaction of its own.
    NamedSql.Params params = messageParams(message)
        .text("title", conversation.title().orElse(null))
        .text("conversationKey", conversation.idempotencyKey().orElse(null))
        .instant("createdAt", conversation.createdAt());
    int inserted = Jdbc.run(dataSource, START.sql(), statement -> params.bind(START, statement),
        PreparedStatement::executeUpdate);
    if (inserted == 1) {
      Instant lastActivity = firstMessage.createdAt().isAfter(conversation.createdAt()) ? firstMessage.createdAt()
          : conversation.createdAt();
      return new ConversationStart(new Conversation(conversation.id(), conversation.userId(), conversation.title(),
          conversation.createdAt(), lastActivity, 1), new AppendResult(mapper.toModel(message), false));
    }
    // The user already started a conversation with this key (the statement above inserted nothing): keep it and
    // append to it, several statements and Hibernate, so in a transaction of their own (or the caller's).
    return QuarkusTransaction.joiningExisting().call(() -> appendToEarlier(conversation, firstMessage));
  }

  private ConversationStart appendToEarlier(NewConversation conversation, NewMessage firstMessage) {
    String user = conversation.userId().value();
    ConversationJpaEntity earlier = conversations
        .find("userId = ?1 and idempotencyKey = ?2", user, conversation.idempotencyKey().orElseThrow())
        .firstResult();
    AppendResult appended = append(conversation.userId(), ConversationId.of(earlier.id), firstMessage);
    // The keyed append changes the managed row in memory: write it before reading the row back.
    conversations.getEntityManager().flush();
    conversations.getEntityManager().refresh(earlier);
    return new ConversationStart(mapper.toModel(earlier), appended);
  }

  @Override
  public Optional<Conversation> find(UserId userId, ConversationId conversationId) {
    return owned(userId, conversationId.value()).map(mapper::toModel);
  }

  @Override
  public Page<Conversation> list(UserId userId, Optional<PageCursor> cursor, int limit) {
    Require.limit(limit);
    List<ConversationJpaEntity> rows;
    if (cursor.isEmpty()) {
      rows = conversations
          .find("from ConversationJpaEntity c where c.userId = ?1 order by c.lastActivityAt desc, c.id desc",
              userId.value())
          .range(0, limit)
          .list();
    } else {
      String[] parts = Cursors.parts(cursor.get(), 2);
      Instant at = Cursors.instant(parts[0]);
      UUID id = Cursors.uuid(parts[1]);
      rows = conversations
          .find("from ConversationJpaEntity c where c.userId = ?1"
                  + " and (c.lastActivityAt < ?2 or (c.lastActivityAt = ?2 and c.id < ?3))"
                  + " order by c.lastActivityAt desc, c.id desc",
              userId.value(), at, id)
          .range(0, limit)
          .list();
    }
    boolean more = rows.size() > limit;
    List<ConversationJpaEntity> page = more ? rows.subList(0, limit) : rows;
    Optional<PageCursor> next = Optional.empty();
    if (more) {
      ConversationJpaEntity last = page.get(page.size() - 1);
      next = Optional.of(Cursors.of(last.lastActivityAt, last.id));
    }
    return new Page<>(page.stream().map(mapper::toModel).toList(), next);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public AppendResult append(UserId userId, ConversationId conversationId, NewMessage message) {
    if (message.idempotencyKey().isEmpty()) {
      MessageJpaEntity stored = mapper.toEntity(message, conversationId.value(), userId.value(), 0);
      // Plain JDBC, one autocommit statement or in the caller's transaction (see Jdbc): no Hibernate session.
      NamedSql.Params params = messageParams(stored);
      Long sequence = Jdbc.run(dataSource, APPEND.sql(), statement -> params.bind(APPEND, statement), statement -> {
        try (ResultSet result = statement.executeQuery()) {
          return result.next() ? result.getLong(1) : null;
        }
      });
      if (sequence == null) {
        throw new NoSuchElementException("No conversation " + conversationId + " of this user");
      }
      stored.sequence = sequence;
      return new AppendResult(mapper.toModel(stored), false);
    }
    // Lock, key look-up and insert must be one transaction: the caller's, or one of their own.
    return QuarkusTransaction.joiningExisting().call(() -> appendWithKey(userId, conversationId, message));
  }

  private AppendResult appendWithKey(UserId userId, ConversationId conversationId, NewMessage message) {
    ConversationJpaEntity conversation =
        conversations.findById(conversationId.value(), LockModeType.PESSIMISTIC_WRITE);
    if (conversation == null || !conversation.userId.equals(userId.value())) {
      throw new NoSuchElementException("No conversation " + conversationId + " of this user");
    }
    // Read after taking the lock: an append with the same key that committed meanwhile is visible now.
    Optional<MessageJpaEntity> earlier = messages
        .find("conversationId = ?1 and idempotencyKey = ?2", conversation.id, message.idempotencyKey().orElseThrow())
        .firstResultOptional();
    if (earlier.isPresent()) {
      return new AppendResult(mapper.toModel(earlier.get()), true);
    }
    long sequence = conversation.messageCount + 1;
    MessageJpaEntity stored = mapper.toEntity(message, conversation.id, conversation.userId, sequence);
    messages.persist(stored);
    // The locked row is a managed entity: changing it is one UPDATE at commit, flushed after the INSERT (no HQL
    // bulk update, which Hibernate would parse and plan on every append).
    if (message.createdAt().isAfter(conversation.lastActivityAt)) {
      conversation.lastActivityAt = message.createdAt();
    }
    conversation.messageCount = sequence;
    return new AppendResult(mapper.toModel(stored), false);
  }

  @Override
  public Optional<Message> findMessage(UserId userId, MessageId messageId) {
    return messages.find("id = ?1 and userId = ?2", messageId.value(), userId.value())
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public Page<Message> messages(
      UserId userId, ConversationId conversationId, Optional<Long> beforeSequence, int limit) {
    Require.limit(limit);
    List<MessageJpaEntity> rows = messages
        .find("from MessageJpaEntity m where m.conversationId = ?1 and m.userId = ?2 and m.sequence < ?3"
                + " order by m.sequence desc",
            conversationId.value(), userId.value(), beforeSequence.orElse(Long.MAX_VALUE))
        .range(0, limit)
        .list();
    boolean more = rows.size() > limit;
    List<MessageJpaEntity> page = new ArrayList<>(more ? rows.subList(0, limit) : rows);
    Collections.reverse(page);
    Optional<PageCursor> next =
        more ? Optional.of(PageCursor.of(Long.toString(page.get(0).sequence))) : Optional.empty();
    return new Page<>(page.stream().map(mapper::toModel).toList(), next);
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Page<Message> history(UserId userId, Optional<PageCursor> cursor, int limit) {
    Require.limit(limit);
    NamedSql sql;
    NamedSql.Params params = new NamedSql.Params()
        .text("user", userId.value())
        .number("limit", limit + 1L);
    if (cursor.isEmpty()) {
      sql = HISTORY;
    } else {
      String[] parts = Cursors.parts(cursor.get(), 3);
      sql = HISTORY_AFTER_CURSOR;
      params.instant("at", Cursors.instant(parts[0]))
          .uuid("conversation", Cursors.uuid(parts[1]))
          .number("sequence", Cursors.number(parts[2]));
    }
    // Plain JDBC, one autocommit statement or in the caller's transaction (see Jdbc): read, never managed.
    List<MessageJpaEntity> rows = Jdbc.list(dataSource, sql.sql(), statement -> params.bind(sql, statement),
        PanacheConversationRepository::message);
    boolean more = rows.size() > limit;
    List<MessageJpaEntity> page = new ArrayList<>(more ? rows.subList(0, limit) : rows);
    Collections.reverse(page);
    Optional<PageCursor> next = Optional.empty();
    if (more) {
      MessageJpaEntity oldest = page.get(0);
      next = Optional.of(Cursors.of(oldest.createdAt, oldest.conversationId, oldest.sequence));
    }
    return new Page<>(page.stream().map(mapper::toModel).toList(), next);
  }

  @Override
  public void deleteAllOf(UserId userId) {
    // Messages would go with their conversations (ON DELETE CASCADE); deleting them first keeps it one pass each.
    messages.delete("userId", userId.value());
    conversations.delete("userId", userId.value());
  }

  /** Binds every parameter of {@link #MESSAGE_VALUES}, plus :conversation and :user, from the entity. */
  private static NamedSql.Params messageParams(MessageJpaEntity m) {
    return new NamedSql.Params()
        .uuid("messageId", m.id)
        .uuid("conversation", m.conversationId)
        .text("user", m.userId)
        .text("role", m.role.name())
        .text("channel", m.channel.name())
        .text("status", m.status.name())
        .text("content", m.content)
        .text("toolCalls", m.toolCalls)
        .text("toolResult", m.toolResult)
        .uuid("voiceSession", m.voiceSessionId)
        .bool("flagged", m.flaggedForReview)
        .text("messageKey", m.idempotencyKey)
        .instant("messageAt", m.createdAt);
  }

  /** A history row ({@code m.*}) as the entity the mapper reads. */
  private static MessageJpaEntity message(ResultSet row) throws SQLException {
    MessageJpaEntity m = new MessageJpaEntity();
    m.id = row.getObject("id", UUID.class);
    m.conversationId = row.getObject("conversation_id", UUID.class);
    m.userId = row.getString("user_id");
    m.sequence = row.getLong("sequence_number");
    m.role = MessageRole.valueOf(row.getString("role"));
    m.channel = Channel.valueOf(row.getString("channel"));
    m.status = MessageStatus.valueOf(row.getString("status"));
    m.content = row.getString("content");
    m.toolCalls = row.getString("tool_calls");
    m.toolResult = row.getString("tool_result");
    m.voiceSessionId = row.getObject("voice_session_id", UUID.class);
    m.flaggedForReview = row.getBoolean("flagged_for_review");
    m.idempotencyKey = row.getString("idempotency_key");
    m.createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
    return m;
  }

  private Optional<ConversationJpaEntity> owned(UserId userId, UUID conversationId) {
    return conversations.find("id = ?1 and userId = ?2", conversationId, userId.value()).firstResultOptional();
  }
}
