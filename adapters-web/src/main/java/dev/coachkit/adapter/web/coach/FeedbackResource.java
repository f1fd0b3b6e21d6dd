package dev.coachkit.adapter.web.coach;

import dev.coachkit.adapter.web.problem.ProblemException;
import dev.coachkit.ports.in.feedback.GiveFeedbackCommand;
import dev.coachkit.ports.in.feedback.GiveFeedbackResult;
import dev.coachkit.ports.in.feedback.GiveFeedbackUseCase;
import dev.coachkit.ports.in.followup.CompleteFollowUpCommand;
import dev.coachkit.ports.in.followup.CompleteFollowUpResult;
import dev.coachkit.ports.in.followup.CompleteFollowUpUseCase;
import dev.coachkit.ports.in.followup.ListFollowUpsQuery;
import dev.coachkit.ports.in.followup.ListFollowUpsUseCase;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Feedback on the coach's replies, and the follow-ups the coach scheduled. */
@Path("/api/coach")
@Tag(name = "feedback and follow-ups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class FeedbackResource {

  private final GiveFeedbackUseCase feedback;
  private final ListFollowUpsUseCase followUps;
  private final CompleteFollowUpUseCase completeFollowUp;
  private final CallerIds caller;
  private final CoachWebMapper mapper;

  @Inject
  FeedbackResource(GiveFeedbackUseCase feedback, ListFollowUpsUseCase followUps,
      CompleteFollowUpUseCase completeFollowUp, CallerIds caller, CoachWebMapper mapper) {
    this.feedback = feedback;
    this.followUps = followUps;
    this.completeFollowUp = completeFollowUp;
    this.caller = caller;
    this.mapper = mapper;
  }

  @POST
  @Path("/messages/{id}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Thumbs up or down on a reply (replaces earlier feedback on it)")
  @APIResponse(responseCode = "201", description = "Recorded",
      content = @Content(schema = @Schema(implementation = FeedbackResponse.class)))
  public Response feedback(@PathParam("id") String id, @Valid @NotNull FeedbackRequest request) {
    MessageId messageId = CallerIds.pathId(id, MessageId::of, "message");
    GiveFeedbackResult result = feedback.give(new GiveFeedbackCommand(caller.user(),
        new FeedbackTarget.OnMessage(messageId), request.rating(), Optional.ofNullable(request.comment())));
    if (result instanceof GiveFeedbackResult.Refused) {
      throw ProblemException.of(((GiveFeedbackResult.Refused) result).refusal());
    }
    return CoachDataResource.created(mapper.toResponse(((GiveFeedbackResult.Recorded) result).feedback()));
  }

  @GET
  @Path("/follow-ups")
  @Operation(summary = "The user's follow-ups, earliest due first; due=true: only the scheduled ones due now")
  public List<FollowUpResponse> followUps(@QueryParam("due") @DefaultValue("false") boolean due) {
    return mapper.followUps(followUps.list(new ListFollowUpsQuery(caller.user(), due)));
  }

  @POST
  @Path("/follow-ups/{id}/complete")
  @Operation(summary = "Mark a follow-up completed (also when it already is)")
  public FollowUpResponse complete(@PathParam("id") String id) {
    FollowUpId followUpId = CallerIds.pathId(id, FollowUpId::of, "follow-up");
    CompleteFollowUpResult result = completeFollowUp.complete(new CompleteFollowUpCommand(caller.user(), followUpId));
    if (result instanceof CompleteFollowUpResult.Refused) {
      throw ProblemException.of(((CompleteFollowUpResult.Refused) result).refusal());
    }
    return mapper.toResponse(((CompleteFollowUpResult.Completed) result).followUp());
  }
}
