package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** Row of {@code messages}; tool calls and the tool result are jsonb held as JSON text. */
@Entity
@Table(name = "messages")
public class MessageJpaEntity {
  @Id public UUID id;

  @Column(name = "conversation_id", nullable = false, updatable = false)
  public UUID conversationId;

  @Column(name = "user_id", nullable = false, updatable = false)
  public String userId;

  @Column(name = "sequence_number", nullable = false, updatable = false)
  public long sequence;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MessageRole role;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Channel channel;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MessageStatus status;

  @Column(nullable = false)
  public String content;

  @Column(name = "tool_calls", nullable = false)
  @ColumnTransformer(write = "?::jsonb")
  public String toolCalls;

  @Column(name = "tool_result")
  @ColumnTransformer(write = "?::jsonb")
  public String toolResult;

  @Column(name = "voice_session_id")
  public UUID voiceSessionId;

  @Column(name = "flagged_for_review", nullable = false)
  public boolean flaggedForReview;

  @Column(name = "idempotency_key")
  public String idempotencyKey;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
