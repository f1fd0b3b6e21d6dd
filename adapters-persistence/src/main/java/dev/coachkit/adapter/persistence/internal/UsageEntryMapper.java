package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps usage ledger entries between the port model and their rows (token counts are columns). */
@Mapper(
    componentModel = MappingConstants.ComponentModel.JAKARTA_CDI,
    unmappedTargetPolicy = ReportingPolicy.ERROR,
    imports = TokenUsage.class)
public interface UsageEntryMapper extends CommonMappings {

  @Mapping(target = "tokens", expression = "java(new TokenUsage(entity.inputTokens, entity.cachedInputTokens, "
      + "entity.outputTokens, entity.audioInputTokens, entity.audioOutputTokens))")
  UsageEntry toModel(UsageEntryJpaEntity entity);

  @Mapping(target = "inputTokens", source = "tokens.inputTokens")
  @Mapping(target = "cachedInputTokens", source = "tokens.cachedInputTokens")
  @Mapping(target = "outputTokens", source = "tokens.outputTokens")
  @Mapping(target = "audioInputTokens", source = "tokens.audioInputTokens")
  @Mapping(target = "audioOutputTokens", source = "tokens.audioOutputTokens")
  UsageEntryJpaEntity toEntity(UsageEntry entry);
}
