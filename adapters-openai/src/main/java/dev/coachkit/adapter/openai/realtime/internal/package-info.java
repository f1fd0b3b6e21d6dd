/** Internals of the OpenAI realtime adapter: settings, endpoints, wire events and the WebSocket session. */
package dev.coachkit.adapter.openai.realtime.internal;
