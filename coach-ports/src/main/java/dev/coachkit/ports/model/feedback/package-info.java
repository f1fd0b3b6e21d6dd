/** Thumbs up or down, with an optional comment, on a coach reply or a voice session. */
package dev.coachkit.ports.model.feedback;
