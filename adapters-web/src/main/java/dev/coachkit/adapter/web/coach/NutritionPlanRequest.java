package dev.coachkit.adapter.web.coach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Generate a nutrition plan from a conversation or from explicit parameters. */
record NutritionPlanRequest(
    @Schema(description = "The conversation to derive the parameters from (and recorded on the plan)") UUID conversationId,
    @Schema(description = "Explicit parameters; take precedence over the conversation") @Valid NutritionPlanParametersRequest parameters) {

  @AssertTrue(message = "give conversationId or parameters")
  @Schema(hidden = true)
  boolean isSourceGiven() {
    return conversationId != null || parameters != null;
  }
}
