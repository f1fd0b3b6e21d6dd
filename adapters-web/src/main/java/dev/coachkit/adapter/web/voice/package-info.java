/** The voice API: the WebSocket relay of live calls, voice-session REST resources and WebSocket tickets. */
package dev.coachkit.adapter.web.voice;
