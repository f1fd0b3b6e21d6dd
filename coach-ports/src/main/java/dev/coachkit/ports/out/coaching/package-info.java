/** Driven ports for coach data and the weekly check-in job's claims. */
package dev.coachkit.ports.out.coaching;
