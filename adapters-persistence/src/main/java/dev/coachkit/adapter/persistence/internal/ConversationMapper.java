package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.NewConversation;
import dev.coachkit.ports.model.conversation.NewMessage;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps conversations and messages between the port model and their rows. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface ConversationMapper extends CommonMappings {

  Conversation toModel(ConversationJpaEntity entity);

  @Mapping(target = "lastActivityAt", source = "createdAt")
  @Mapping(target = "messageCount", constant = "0L")
  ConversationJpaEntity toEntity(NewConversation conversation);

  Message toModel(MessageJpaEntity entity);

  @Mapping(target = "id", source = "message.id")
  @Mapping(target = "conversationId", source = "conversationId")
  @Mapping(target = "userId", source = "userId")
  @Mapping(target = "sequence", source = "sequence")
  @Mapping(target = "createdAt", source = "message.createdAt")
  MessageJpaEntity toEntity(NewMessage message, UUID conversationId, String userId, long sequence);

  default String toolCallsJson(List<ToolCall> calls) {
    return JsonColumns.toolCalls(calls);
  }

  default List<ToolCall> toolCalls(String json) {
    return JsonColumns.toolCalls(json);
  }

  default String toolResultJson(Optional<ToolResult> result) {
    return JsonColumns.toolResult(result);
  }

  default Optional<ToolResult> toolResult(String json) {
    return JsonColumns.toolResult(json);
  }
}
