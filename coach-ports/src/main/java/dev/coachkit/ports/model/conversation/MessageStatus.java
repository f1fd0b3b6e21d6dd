package dev.coachkit.ports.model.conversation;

/** Whether a message is whole: a failed turn or an interrupted (barged-in) assistant turn is kept, marked. */
public enum MessageStatus {
  /** The message was delivered in full. */
  COMPLETE,
  /** The turn failed (e.g. the model stream dropped); the content is whatever had arrived. */
  FAILED,
  /** The user interrupted the assistant; the content is what had been said up to that point. */
  INTERRUPTED
}
