package dev.coachkit.adapter.web.coach;

import dev.coachkit.ports.model.feedback.Rating;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A thumbs up or down on one of the coach's replies, with an optional comment. */
record FeedbackRequest(@NotNull Rating rating, @Size(max = 2_000) String comment) {}
