/** The coach context: what the coach knows about a user, condensed into instructions within a token budget. */
package dev.coachkit.domain.context;
