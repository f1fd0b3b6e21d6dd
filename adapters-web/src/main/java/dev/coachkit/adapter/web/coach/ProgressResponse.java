package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.util.UUID;

/** A progress measurement as stored. */
record ProgressResponse(UUID id, String metric, double value, String unit, Instant measuredAt) {}
