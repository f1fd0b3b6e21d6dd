package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanBody;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps plan versions between the port model and their rows; the body goes through {@link PlanBodyCodec}. */
@Mapper(
    componentModel = MappingConstants.ComponentModel.JAKARTA_CDI,
    unmappedTargetPolicy = ReportingPolicy.ERROR,
    imports = PlanBodyCodec.class)
public interface PlanMapper extends CommonMappings {

  // Plan.withStatus(..) looks like a fluent setter to MapStruct; the constructor sets the status.
  @Mapping(target = "withStatus", ignore = true)
  @Mapping(target = "body", expression = "java(PlanBodyCodec.read(entity.kind, entity.body))")
  Plan toModel(PlanJpaEntity entity);

  PlanJpaEntity toEntity(Plan plan);

  default String bodyJson(PlanBody body) {
    return PlanBodyCodec.write(body);
  }
}
