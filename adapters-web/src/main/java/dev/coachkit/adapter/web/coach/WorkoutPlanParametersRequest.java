package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.plan.Equipment;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.plan.Limitation;
import dev.coachkit.ports.model.plan.TrainingGoal;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Explicit workout-plan parameters. */
record WorkoutPlanParametersRequest(
    @NotNull TrainingGoal goal,
    @NotNull FitnessLevel level,
    @NotNull @Min(1) @Max(7) Integer daysPerWeek,
    @NotNull @Min(10) @Max(240) Integer sessionMinutes,
    @NotNull @Min(1) @Max(52) Integer weeks,
    @Size(max = 30) Set<@NotNull Equipment> equipment,
    @Size(max = 20) Set<@NotNull Limitation> limitations) {}
