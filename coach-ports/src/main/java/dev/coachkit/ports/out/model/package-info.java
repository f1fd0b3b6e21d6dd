/** Driven port for the language model that writes the coach's replies. */
package dev.coachkit.ports.out.model;
