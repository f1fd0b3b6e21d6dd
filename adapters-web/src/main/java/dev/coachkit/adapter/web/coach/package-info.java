/** REST resources of text coaching: chat, conversations, coach data, plans, usage, account, feedback, follow-ups. */
package dev.coachkit.adapter.web.coach;
