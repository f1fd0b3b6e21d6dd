package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps feedback between the port model and its rows; the target is a (type, id) column pair. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface FeedbackMapper extends CommonMappings {

  @Mapping(target = "target", expression = "java(target(entity.targetType, entity.targetId))")
  Feedback toModel(FeedbackJpaEntity entity);

  @Mapping(target = "targetType", expression = "java(targetType(feedback.target()))")
  @Mapping(target = "targetId", expression = "java(targetId(feedback.target()))")
  FeedbackJpaEntity toEntity(Feedback feedback);

  default FeedbackTarget target(String type, UUID id) {
    if (FeedbackJpaEntity.ON_MESSAGE.equals(type)) {
      return new FeedbackTarget.OnMessage(MessageId.of(id));
    }
    if (FeedbackJpaEntity.ON_VOICE_SESSION.equals(type)) {
      return new FeedbackTarget.OnVoiceSession(VoiceSessionId.of(id));
    }
    throw new IllegalStateException("Unknown feedback target type " + type);
  }

  default String targetType(FeedbackTarget target) {
    return target instanceof FeedbackTarget.OnMessage ? FeedbackJpaEntity.ON_MESSAGE : FeedbackJpaEntity.ON_VOICE_SESSION;
  }

  default UUID targetId(FeedbackTarget target) {
    if (target instanceof FeedbackTarget.OnMessage onMessage) {
      return onMessage.messageId().value();
    }
    return ((FeedbackTarget.OnVoiceSession) target).voiceSessionId().value();
  }
}
