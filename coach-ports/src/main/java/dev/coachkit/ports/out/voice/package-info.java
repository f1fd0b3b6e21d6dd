/** Driven port for storing voice sessions. */
package dev.coachkit.ports.out.voice;
