/** Test-jar OpenAI Realtime simulator: a local WebSocket/HTTP server checked against the published contract. */
package dev.coachkit.adapter.openai.simulator.realtime;
