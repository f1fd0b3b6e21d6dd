package dev.coachkit.adapter.web.coach;

import java.util.List;

/** A page of messages in time order; pass nextCursor (as before or cursor) for older ones. */
record MessagePageResponse(List<MessageResponse> items, String nextCursor) {}
