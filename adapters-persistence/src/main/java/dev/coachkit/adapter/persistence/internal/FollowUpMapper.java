package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.followup.FollowUp;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps follow-ups between the port model and their rows. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface FollowUpMapper extends CommonMappings {

  FollowUp toModel(FollowUpJpaEntity entity);

  FollowUpJpaEntity toEntity(FollowUp followUp);
}
