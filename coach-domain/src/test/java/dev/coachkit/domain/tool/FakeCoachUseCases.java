package dev.coachkit.domain.tool;

import dev.coachkit.domain.context.TestKnowledgeFactory;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.in.followup.ScheduleFollowUpCommand;
import dev.coachkit.ports.in.followup.ScheduleFollowUpResult;
import dev.coachkit.ports.in.followup.ScheduleFollowUpUseCase;
import dev.coachkit.ports.in.plan.GenerateNutritionPlanUseCase;
import dev.coachkit.ports.in.plan.GenerateWorkoutPlanUseCase;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.followup.FollowUpStatus;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.PlanOutcome;
import dev.coachkit.ports.model.plan.PlanRefusal;
import dev.coachkit.ports.model.plan.PlanStatus;
import dev.coachkit.ports.testing.TestPlanFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Small fakes of the in-ports the tools call: they record commands and answer from simple state. */
public final class FakeCoachUseCases {
  public final Map<UserId, CoachKnowledge> knowledge = new HashMap<>();
  public final List<GenerateWorkoutPlanUseCase.GenerateWorkoutPlanCommand> workoutCommands = new ArrayList<>();
  public final List<GenerateNutritionPlanUseCase.GenerateNutritionPlanCommand> nutritionCommands = new ArrayList<>();
  public final List<ScheduleFollowUpCommand> followUpCommands = new ArrayList<>();
  public Optional<List<String>> refusePlansWith = Optional.empty();
  private int version;

  public final GetCoachKnowledgeUseCase knowledgeUseCase = this::knowledgeOf;

  public final GenerateWorkoutPlanUseCase workoutPlans = command -> {
    workoutCommands.add(command);
    if (refusePlansWith.isPresent()) {
      return new PlanOutcome.Refused(new PlanRefusal(refusePlansWith.get()));
    }
    return new PlanOutcome.Generated(new Plan(PlanId.of(UUID.randomUUID()), command.userId(),
        dev.coachkit.ports.model.plan.PlanKind.WORKOUT, ++version, PlanStatus.ACTIVE, command.sourceConversationId(),
        TestPlanFactory.workoutPlan(), TestKnowledgeFactory.AS_OF));
  };

  public final GenerateNutritionPlanUseCase nutritionPlans = command -> {
    nutritionCommands.add(command);
    if (refusePlansWith.isPresent()) {
      return new PlanOutcome.Refused(new PlanRefusal(refusePlansWith.get()));
    }
    return new PlanOutcome.Generated(new Plan(PlanId.of(UUID.randomUUID()), command.userId(),
        dev.coachkit.ports.model.plan.PlanKind.NUTRITION, ++version, PlanStatus.ACTIVE,
        command.sourceConversationId(), TestPlanFactory.nutritionPlan(), TestKnowledgeFactory.AS_OF));
  };

  public final ScheduleFollowUpUseCase followUps = command -> {
    followUpCommands.add(command);
    return new ScheduleFollowUpResult.Scheduled(new FollowUp(FollowUpId.of(UUID.randomUUID()), command.userId(),
        command.dueAt(), command.topic(), FollowUpStatus.SCHEDULED, command.sourceConversationId(),
        Instant.EPOCH, Optional.empty()));
  };

  private CoachKnowledge knowledgeOf(GetCoachKnowledgeQuery query) {
    return knowledge.getOrDefault(query.userId(), TestKnowledgeFactory.empty(query.userId()));
  }
}
