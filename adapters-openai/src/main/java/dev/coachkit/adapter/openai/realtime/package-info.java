/** OpenAI realtime adapter: the realtime-model and ephemeral-token ports over the OpenAI (or Azure) Realtime API. */
package dev.coachkit.adapter.openai.realtime;
