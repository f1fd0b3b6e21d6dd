/** Feedback on the coach's replies and voice sessions. */
package dev.coachkit.domain.feedback;
