package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import java.time.Instant;
import java.util.UUID;

/** A plan version; exactly one of workout and nutrition is set, by kind. */
record PlanResponse(
    UUID id,
    PlanKind kind,
    int version,
    PlanStatus status,
    UUID sourceConversationId,
    Instant createdAt,
    WorkoutPlan workout,
    NutritionPlan nutrition) {}
