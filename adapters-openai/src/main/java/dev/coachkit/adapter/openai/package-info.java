/** OpenAI adapter: the chat and realtime model ports over OpenAI, Azure OpenAI and OpenAI-compatible servers. */
package dev.coachkit.adapter.openai;
