package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps voice sessions between the port model and their rows. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface VoiceSessionMapper extends CommonMappings {

  VoiceSession toModel(VoiceSessionJpaEntity entity);

  /** The open slot is the store's bookkeeping, not part of the model; the store sets it. */
  @Mapping(target = "openSlot", ignore = true)
  VoiceSessionJpaEntity toEntity(VoiceSession session);

  default VoiceEndReason endReason(Optional<VoiceEndReason> value) {
    return value.orElse(null);
  }

  default Optional<VoiceEndReason> optionalEndReason(VoiceEndReason value) {
    return Optional.ofNullable(value);
  }
}
