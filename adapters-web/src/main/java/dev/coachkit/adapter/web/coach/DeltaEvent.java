package dev.coachkit.adapter.web.coach;

/** SSE {@code delta}: a fragment of the reply text. */
record DeltaEvent(String text) {}
