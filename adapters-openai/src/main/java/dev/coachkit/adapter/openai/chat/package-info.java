/** The chat-model port ({@code CoachModel}) implemented with LangChain4j's OpenAI client. */
package dev.coachkit.adapter.openai.chat;
