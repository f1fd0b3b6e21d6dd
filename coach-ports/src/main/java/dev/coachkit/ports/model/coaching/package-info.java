/** What the coach knows about a user: profile, workouts, nutrition, progress, goals and check-in summaries. */
package dev.coachkit.ports.model.coaching;
