/** Use cases for voice sessions: start, end, get, tokens, WebRTC call registration and the relayed live call. */
package dev.coachkit.ports.in.voice;
