/** Use cases for follow-ups: schedule, list (due), complete. */
package dev.coachkit.ports.in.followup;
