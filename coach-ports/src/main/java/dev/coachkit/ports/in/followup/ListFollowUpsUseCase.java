package dev.coachkit.ports.in.followup;

import dev.coachkit.ports.model.followup.FollowUp;
import java.util.List;

/** Driving port: lists a user's follow-ups, earliest due first. */
public interface ListFollowUpsUseCase {

  List<FollowUp> list(ListFollowUpsQuery query);
}
