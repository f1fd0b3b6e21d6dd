package dev.coachkit.adapter.openai.internal.archfixture;

/** A wire type internal to the OpenAI adapter. */
public record RealtimeWireEvent(String type) {}
