package dev.coachkit.adapter.web.coach;

import java.util.List;

/** A page of conversations; pass nextCursor as cursor for the next page. */
record ConversationPageResponse(List<ConversationResponse> items, String nextCursor) {}
