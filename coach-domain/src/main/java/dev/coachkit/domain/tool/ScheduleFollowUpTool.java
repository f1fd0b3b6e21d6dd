package dev.coachkit.domain.tool;

import static dev.coachkit.domain.tool.Schemas.integer;
import static dev.coachkit.domain.tool.Schemas.object;
import static dev.coachkit.domain.tool.Schemas.prop;
import static dev.coachkit.domain.tool.Schemas.string;

import dev.coachkit.ports.in.followup.ScheduleFollowUpCommand;
import dev.coachkit.ports.in.followup.ScheduleFollowUpResult;
import dev.coachkit.ports.in.followup.ScheduleFollowUpUseCase;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ToolSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** {@code schedule_follow_up}: schedules a follow-up on a topic a number of days from now. */
final class ScheduleFollowUpTool implements CoachTool {
  static final String NAME = "schedule_follow_up";

  private final ScheduleFollowUpUseCase followUps;
  private final Clock clock;
  private final ToolSpec spec = new ToolSpec(NAME,
      "Schedule a follow-up with the user on a topic, a number of days from now (e.g. to check how a new plan"
          + " is going).",
      object(
          prop("topic", string("What to follow up on, in a short sentence", false)),
          prop("in_days", integer("Days from now", 1, 90, false))));

  ScheduleFollowUpTool(ScheduleFollowUpUseCase followUps, Clock clock) {
    this.followUps = followUps;
    this.clock = clock;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public JsonObject run(ToolArguments args, ToolInvocation invocation) {
    String topic = args.requiredString("topic", 500);
    int days = args.requiredInt("in_days", 1, 90);
    ScheduleFollowUpResult result = followUps.schedule(new ScheduleFollowUpCommand(invocation.userId(),
        clock.instant().plus(Duration.ofDays(days)), topic, invocation.conversationId()));
    if (result instanceof ScheduleFollowUpResult.Refused) {
      throw new ToolRefusalException("the follow-up was refused",
          List.of(((ScheduleFollowUpResult.Refused) result).refusal().message()));
    }
    FollowUp f = ((ScheduleFollowUpResult.Scheduled) result).followUp();
    return JsonObject.builder().put("follow_up_id", f.id().toString()).put("due_at", f.dueAt().toString())
        .put("topic", f.topic()).build();
  }
}
