/** Driven port for storing conversations and their messages. */
package dev.coachkit.ports.out.conversation;
