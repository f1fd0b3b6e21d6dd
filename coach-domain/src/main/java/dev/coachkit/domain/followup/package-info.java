/** Follow-ups: things the coach comes back to with a user at a set time. */
package dev.coachkit.domain.followup;
