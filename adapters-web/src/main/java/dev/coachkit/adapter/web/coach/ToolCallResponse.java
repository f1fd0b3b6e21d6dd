package dev.coachkit.adapter.web.coach;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool the model called, with its JSON arguments. */
record ToolCallResponse(String callId, String name, JsonNode arguments) {}
