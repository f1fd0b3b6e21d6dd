/** A local OpenAI Chat Completions simulator, checked against the official OpenAPI spec, for tests (test-jar). */
package dev.coachkit.adapter.openai.simulator;
