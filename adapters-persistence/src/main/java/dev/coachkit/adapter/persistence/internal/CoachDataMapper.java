package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.FitnessLevel;
import java.util.List;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/** Maps what the coach knows (profile, logs, goals, check-ins) between the port model and its rows. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface CoachDataMapper extends CommonMappings {

  CoachProfile toModel(CoachProfileJpaEntity entity);

  CoachProfileJpaEntity toEntity(CoachProfile profile);

  WorkoutLog toModel(WorkoutJpaEntity entity);

  WorkoutJpaEntity toEntity(WorkoutLog workout);

  NutritionDay toModel(NutritionDayJpaEntity entity);

  /** The row's own id is not part of the model; the store assigns it. */
  @Mapping(target = "id", ignore = true)
  NutritionDayJpaEntity toEntity(NutritionDay day);

  ProgressMeasurement toModel(MeasurementJpaEntity entity);

  MeasurementJpaEntity toEntity(ProgressMeasurement measurement);

  Goal toModel(GoalJpaEntity entity);

  GoalJpaEntity toEntity(Goal goal);

  CheckInSummary toModel(CheckInJpaEntity entity);

  CheckInJpaEntity toEntity(CheckInSummary checkIn);

  default String exercisesJson(List<LoggedExercise> exercises) {
    return JsonColumns.exercises(exercises);
  }

  default List<LoggedExercise> exercises(String json) {
    return JsonColumns.exercises(json);
  }

  default Sex sex(Optional<Sex> value) {
    return value.orElse(null);
  }

  default Optional<Sex> optionalSex(Sex value) {
    return Optional.ofNullable(value);
  }

  default FitnessLevel fitnessLevel(Optional<FitnessLevel> value) {
    return value.orElse(null);
  }

  default Optional<FitnessLevel> optionalFitnessLevel(FitnessLevel value) {
    return Optional.ofNullable(value);
  }

  default ActivityLevel activityLevel(Optional<ActivityLevel> value) {
    return value.orElse(null);
  }

  default Optional<ActivityLevel> optionalActivityLevel(ActivityLevel value) {
    return Optional.ofNullable(value);
  }
}
