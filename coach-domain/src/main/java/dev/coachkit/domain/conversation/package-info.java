/** Chat turns (blocking and streamed), the history window, and conversation queries. */
package dev.coachkit.domain.conversation;
