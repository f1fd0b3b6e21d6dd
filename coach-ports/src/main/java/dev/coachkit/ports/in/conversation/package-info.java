/** Use cases for chatting with the coach and reading conversation history. */
package dev.coachkit.ports.in.conversation;
