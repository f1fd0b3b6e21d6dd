package dev.coachkit.ports.in.voice;

import java.util.concurrent.CompletionStage;

/**
 * Driving port: joins a relay client to its voice session; the domain opens the upstream model session, greets
 * the user, runs tools, stores transcripts and enforces limits. Completes once the call is live or refused.
 */
public interface ConnectVoiceSessionUseCase {

  CompletionStage<ConnectVoiceSessionResult> connect(ConnectVoiceSessionCommand command);
}
