package dev.coachkit.ports.in.plan;

import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.NutritionPlanParameters;
import dev.coachkit.ports.model.plan.PlanOutcome;
import java.util.Objects;
import java.util.Optional;

/** Use case: generate, validate and store a new version of a user's nutrition plan. */
public interface GenerateNutritionPlanUseCase {

  PlanOutcome generate(GenerateNutritionPlanCommand command);

  /**
   * What to plan and for whom.
   *
   * @param userId the authenticated user
   * @param parameters explicit parameters; when empty they are derived from the conversation and the profile
   * @param sourceConversationId the conversation the request came from, recorded on the plan
   */
  record GenerateNutritionPlanCommand(
      UserId userId, Optional<NutritionPlanParameters> parameters, Optional<ConversationId> sourceConversationId) {

    public GenerateNutritionPlanCommand {
      Objects.requireNonNull(userId, "userId must not be null");
      Objects.requireNonNull(parameters, "parameters must not be null");
      Objects.requireNonNull(sourceConversationId, "sourceConversationId must not be null");
      if (parameters.isEmpty() && sourceConversationId.isEmpty()) {
        throw new IllegalArgumentException("parameters or sourceConversationId must be given");
      }
    }
  }
}
