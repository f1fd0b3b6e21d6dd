package dev.coachkit.adapter.web.coach;

import com.fasterxml.jackson.databind.JsonNode;

/** The result of a tool call (error: the tool failed and said why). */
record ToolResultResponse(String callId, String name, JsonNode result, boolean error) {}
