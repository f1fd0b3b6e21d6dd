package dev.coachkit.ports.in.voice;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.voice.VoiceTransport;
import java.util.Locale;
import java.util.Optional;

/**
 * Start a voice session; empty voice, persona and language come from the user's profile, and without a
 * conversation id the call starts a new conversation.
 */
public record StartVoiceSessionCommand(
    UserId userId,
    Optional<String> voice,
    Optional<Persona> persona,
    Optional<Locale> language,
    VoiceTransport transport,
    Optional<ConversationId> conversationId) {
  public StartVoiceSessionCommand {
    Require.nonNull(userId, "userId");
    Require.optionalText(voice, "voice", 64);
    Require.nonNull(persona, "persona");
    Require.nonNull(language, "language");
    Require.nonNull(transport, "transport");
    Require.nonNull(conversationId, "conversationId");
  }
}
