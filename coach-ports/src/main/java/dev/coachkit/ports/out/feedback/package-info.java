/** Driven port for storing feedback. */
package dev.coachkit.ports.out.feedback;
