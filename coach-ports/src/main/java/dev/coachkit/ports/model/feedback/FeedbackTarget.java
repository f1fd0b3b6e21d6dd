package dev.coachkit.ports.model.feedback;

import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.common.VoiceSessionId;

/** What feedback is about: one coach message or a whole voice session. */
public sealed interface FeedbackTarget permits FeedbackTarget.OnMessage, FeedbackTarget.OnVoiceSession {

  /** Feedback on one message. */
  record OnMessage(MessageId messageId) implements FeedbackTarget {
    public OnMessage {
      Require.nonNull(messageId, "messageId");
    }
  }

  /** Feedback on a voice session. */
  record OnVoiceSession(VoiceSessionId voiceSessionId) implements FeedbackTarget {
    public OnVoiceSession {
      Require.nonNull(voiceSessionId, "voiceSessionId");
    }
  }
}
