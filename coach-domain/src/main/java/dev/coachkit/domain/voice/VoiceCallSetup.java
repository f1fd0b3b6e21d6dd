package dev.coachkit.domain.voice;

import dev.coachkit.domain.context.CoachContextBuilder;
import dev.coachkit.domain.context.TokenEstimator;
import dev.coachkit.domain.conversation.HistoryWindow;
import dev.coachkit.domain.persona.CoachLanguage;
import dev.coachkit.domain.persona.PersonaInstructions;
import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.conversation.MessageStatus;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds what a realtime model session is told: the configuration for a voice session (persona instructions in
 * voice mode, the coach context, voice, turn detection, transcription, the persona's tools), the instructions of
 * the opening greeting, and the instructions of a continued session.
 *
 * <p>A continued session (after the upstream time limit or a dropped connection) carries the call so far in its
 * instructions, not as conversation items: a realtime model given earlier assistant turns as text items tends to
 * answer in text, while instructions keep it answering in audio.
 */
public final class VoiceCallSetup {
  private final CoachTools tools;
  private final VoiceSettings settings;
  private final PersonaInstructions personas = new PersonaInstructions();
  private final CoachContextBuilder contextBuilder;
  private final HistoryWindow recentTurns;

  public VoiceCallSetup(CoachTools tools, VoiceSettings settings) {
    this.tools = Objects.requireNonNull(tools, "tools must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.contextBuilder = new CoachContextBuilder(TokenEstimator.DEFAULT, settings.contextTokenBudget(),
        settings.zone());
    this.recentTurns = new HistoryWindow(settings.continuationHistory(), TokenEstimator.DEFAULT);
  }

  /** The configuration of a voice session's upstream model session. */
  public RealtimeSessionConfig config(VoiceSession session, CoachKnowledge knowledge) {
    Objects.requireNonNull(session, "session must not be null");
    Objects.requireNonNull(knowledge, "knowledge must not be null");
    String instructions = personas.instructions(session.persona(), session.language(), Channel.VOICE) + "\n\n"
        + contextBuilder.build(knowledge).text();
    return new RealtimeSessionConfig(settings.realtimeModel(), instructions, session.voice(),
        settings.turnDetection(), settings.inputTranscriptionModel(), tools.specsFor(session.persona(), true),
        session.language());
  }

  /** The words the coach opens the call with: the user's name (if known) in their language. */
  public String greeting(VoiceSession session, CoachKnowledge knowledge) {
    return personas.greeting(session.persona(), session.language(),
        knowledge.profile().flatMap(CoachProfile::name));
  }

  /** Instructions for the first response of a call: the session's instructions plus "say this greeting". */
  public String greetingInstructions(RealtimeSessionConfig config, VoiceSession session, String greeting) {
    String directive = CoachLanguage.of(session.language()) == CoachLanguage.SPANISH
        ? "Empieza tú la llamada: saluda al usuario diciendo exactamente esto, en español, y después escucha:\n\""
            + greeting + "\""
        : "You speak first: open the call by saying exactly this, in English, then listen:\n\"" + greeting + "\"";
    return config.instructions() + "\n\n" + directive;
  }

  /** Instructions for a response that must say a fixed careful reply (the safety path), in the user's language. */
  public String sayExactly(RealtimeSessionConfig config, VoiceSession session, String reply) {
    String directive = CoachLanguage.of(session.language()) == CoachLanguage.SPANISH
        ? "Di exactamente esto, con calma y sin añadir nada más:\n\"" + reply + "\""
        : "Say exactly this, calmly, and add nothing else:\n\"" + reply + "\"";
    return config.instructions() + "\n\n" + directive;
  }

  /**
   * The configuration of a new upstream session that continues a call: the original one with a check-in of the
   * call so far (how long it has lasted, the tools used) and its most recent turns, newest last.
   */
  public RealtimeSessionConfig continuation(RealtimeSessionConfig base, VoiceSession session,
      List<Message> conversation, Duration elapsed) {
    boolean es = CoachLanguage.of(session.language()) == CoachLanguage.SPANISH;
    List<Message> recent = recentTurns.select(conversation);
    List<String> toolsUsed = new ArrayList<>();
    for (Message m : conversation) {
      if (m.voiceSessionId().equals(java.util.Optional.of(session.id()))) {
        for (ToolCall call : m.toolCalls()) {
          toolsUsed.add(call.name());
        }
      }
    }
    long minutes = Math.max(0, elapsed.toMinutes());
    StringBuilder out = new StringBuilder(base.instructions()).append("\n\n");
    if (es) {
      out.append("# Esta llamada hasta ahora\nLa llamada de voz sigue en curso (")
          .append(minutes).append(" min); la conexión se ha renovado. No vuelvas a saludar ni menciones la"
              + " renovación: continúa la conversación donde quedó y sigue respondiendo en voz, en español.");
      if (!toolsUsed.isEmpty()) {
        out.append("\nHerramientas ya usadas en esta llamada: ").append(String.join(", ", toolsUsed)).append('.');
      }
      out.append("\n\n## Últimos turnos (el más reciente al final)");
    } else {
      out.append("# This call so far\nThe voice call is still going (").append(minutes)
          .append(" min); the connection was renewed. Do not greet again or mention the renewal: carry on from"
              + " the last turn and keep answering in speech, in the user's language.");
      if (!toolsUsed.isEmpty()) {
        out.append("\nTools already used in this call: ").append(String.join(", ", toolsUsed)).append('.');
      }
      out.append("\n\n## Recent turns (newest last)");
    }
    if (recent.isEmpty()) {
      out.append(es ? "\n(ninguno todavía)" : "\n(none yet)");
    }
    for (Message m : recent) {
      out.append('\n').append(line(m, es));
    }
    return new RealtimeSessionConfig(base.model(), out.toString(), base.voice(), base.turnDetection(),
        base.inputTranscriptionModel(), base.tools(), base.language());
  }

  private static String line(Message m, boolean es) {
    if (m.role() == MessageRole.USER) {
      return (es ? "Usuario: " : "User: ") + m.content();
    }
    if (m.role() == MessageRole.TOOL) {
      return (es ? "(resultado de " : "(result of ") + m.toolResult().get().name()
          + (m.toolResult().get().error() ? (es ? ": error)" : ": error)") : ": ok)");
    }
    if (!m.toolCalls().isEmpty()) {
      List<String> names = new ArrayList<>();
      m.toolCalls().forEach(c -> names.add(c.name()));
      return (es ? "(coach usó " : "(coach called ") + String.join(", ", names) + ")"
          + (m.content().isBlank() ? "" : " " + m.content());
    }
    String who = es ? "Coach" : "Coach";
    if (m.status() == MessageStatus.INTERRUPTED) {
      who += es ? " (interrumpido)" : " (interrupted)";
    }
    return who + ": " + m.content();
  }
}
