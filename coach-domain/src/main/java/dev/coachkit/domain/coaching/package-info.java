/** What the coach knows about a user: profile, logs, goals, and the structured model answers built on them. */
package dev.coachkit.domain.coaching;
