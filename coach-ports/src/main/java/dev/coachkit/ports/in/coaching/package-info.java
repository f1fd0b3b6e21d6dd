/**
 * Use cases for the coach's knowledge of a user: profile, logs, goals, check-ins. Commands check presence and
 * shape; value ranges are checked again by the model records the domain builds from them.
 */
package dev.coachkit.ports.in.coaching;
