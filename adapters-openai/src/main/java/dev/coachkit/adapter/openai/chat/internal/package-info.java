/** Internals of the chat adapter: LangChain4j mapping, HTTP client, retry and fallback; used only by this adapter. */
package dev.coachkit.adapter.openai.chat.internal;
