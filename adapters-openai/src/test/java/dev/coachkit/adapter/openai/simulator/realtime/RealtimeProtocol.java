package dev.coachkit.adapter.openai.simulator.realtime;

/**
 * The two Realtime wire dialects: GA ({@code gpt-realtime}, nested session, {@code response.output_audio.*}) and
 * beta ({@code OpenAI-Beta: realtime=v1}, flat session, {@code response.audio.*}); holds the event names that
 * differ between them.
 */
public enum RealtimeProtocol {
  GA("response.output_audio.delta", "response.output_audio.done", "response.output_audio_transcript.delta",
      "response.output_audio_transcript.done", "response.output_text.delta", "response.output_text.done",
      "conversation.item.added", "output_audio", "output_text"),
  BETA("response.audio.delta", "response.audio.done", "response.audio_transcript.delta",
      "response.audio_transcript.done", "response.text.delta", "response.text.done",
      "conversation.item.created", "audio", "text");

  public final String audioDelta;
  public final String audioDone;
  public final String audioTranscriptDelta;
  public final String audioTranscriptDone;
  public final String textDelta;
  public final String textDone;
  /** The event that announces a new conversation item ({@code conversation.item.added} in GA). */
  public final String itemAdded;
  /** Content type of assistant audio inside items ({@code output_audio} in GA). */
  public final String audioContentType;
  /** Content type of assistant text inside items ({@code output_text} in GA). */
  public final String textContentType;

  RealtimeProtocol(String audioDelta, String audioDone, String audioTranscriptDelta, String audioTranscriptDone,
      String textDelta, String textDone, String itemAdded, String audioContentType, String textContentType) {
    this.audioDelta = audioDelta;
    this.audioDone = audioDone;
    this.audioTranscriptDelta = audioTranscriptDelta;
    this.audioTranscriptDone = audioTranscriptDone;
    this.textDelta = textDelta;
    this.textDone = textDone;
    this.itemAdded = itemAdded;
    this.audioContentType = audioContentType;
    this.textContentType = textContentType;
  }
}
