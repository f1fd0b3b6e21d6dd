/** Check-ins: structured summaries of a period of conversation, and the weekly job that plans from them. */
package dev.coachkit.domain.checkin;
