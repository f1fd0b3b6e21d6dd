/** Follow-ups the coach scheduled with a user. */
package dev.coachkit.ports.model.followup;
