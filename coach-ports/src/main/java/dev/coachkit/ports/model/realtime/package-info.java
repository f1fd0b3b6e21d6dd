/** The realtime speech-to-speech model boundary: session configuration, events, usage and ephemeral tokens. */
package dev.coachkit.ports.model.realtime;
