/** Conversations and their messages, voice and text together, including tool calls and results. */
package dev.coachkit.ports.model.conversation;
