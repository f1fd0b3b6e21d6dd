/** Driven port for storing follow-ups. */
package dev.coachkit.ports.out.followup;
