package dev.coachkit.domain.coaching;

import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.json.JsonParseException;
import dev.coachkit.ports.model.model.FinishReason;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.out.model.CoachModel;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks the coach model for a JSON object that follows a strict response schema and reads it; every way this can
 * go wrong (no provider, provider down, filtered, cut off, unreadable JSON) becomes a {@link Failed} value. Every
 * answer the model gives, usable or not, is recorded in the usage ledger against the user it was asked for.
 */
public final class StructuredAnswers {

  private final CoachModel model;
  private final UsageRecorder usage;
  private final Clock clock;

  public StructuredAnswers(CoachModel model, UsageRecorder usage, Clock clock) {
    this.model = Objects.requireNonNull(model, "model must not be null");
    this.usage = Objects.requireNonNull(usage, "usage must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** The model's answer as a JSON object, or why there is none. */
  public sealed interface Result permits Answered, Failed {}

  /** The model answered with a JSON object (not yet checked beyond being an object). */
  public record Answered(JsonObject answer, ModelReply reply) implements Result {
    public Answered {
      Objects.requireNonNull(answer, "answer must not be null");
      Objects.requireNonNull(reply, "reply must not be null");
    }
  }

  /** No usable answer; {@code kind} says whose fault it is. */
  public record Failed(RefusalReason kind, String message, Optional<Duration> retryAfter) implements Result {
    public Failed {
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(message, "message must not be null");
      Objects.requireNonNull(retryAfter, "retryAfter must not be null");
    }

    static Failed unreadable(String why) {
      return new Failed(RefusalReason.MODEL_UNAVAILABLE, "the model's answer could not be used: " + why,
          Optional.empty());
    }
  }

  /**
   * Sends the instructions and one user message with the schema attached, and parses the answer.
   *
   * @param user whose request this is: the answer's usage counts against them
   * @param conversation the conversation the answer is about, when there is one
   * @param instructions what to extract and how
   * @param input the material to extract from
   * @param schema the strict JSON schema the answer must follow
   * @param maxOutputTokens the cap on the answer's length
   */
  public Result ask(UserId user, Optional<ConversationId> conversation, String instructions, String input,
      ResponseSchema schema, int maxOutputTokens) {
    ModelRequest request = new ModelRequest(instructions, List.of(new ModelMessage.UserText(input)), List.of(),
        Optional.of(schema), maxOutputTokens);
    ModelReply reply;
    try {
      reply = model.reply(request);
    } catch (ModelFailure failure) {
      return new Failed(reasonFor(failure.kind()), "the coach model could not answer: " + failure.getMessage(),
          failure.retryAfter());
    }
    usage.record(user, conversation, Optional.empty(), reply.model(), reply.usage(), 0, 0, clock.instant());
    if (reply.finishReason() == FinishReason.CONTENT_FILTER) {
      return new Failed(RefusalReason.CONTENT_FILTERED, "the model provider filtered the answer", Optional.empty());
    }
    if (reply.finishReason() == FinishReason.LENGTH) {
      return Failed.unreadable("it was cut off at " + maxOutputTokens + " tokens");
    }
    if (reply.text().isBlank()) {
      return Failed.unreadable("it was empty");
    }
    try {
      return new Answered(Json.parseObject(reply.text().strip()), reply);
    } catch (JsonParseException e) {
      return Failed.unreadable("it is not a JSON object (" + e.getMessage() + ")");
    }
  }

  static RefusalReason reasonFor(ModelFailure.Kind kind) {
    switch (kind) {
      case NOT_CONFIGURED:
        return RefusalReason.MODEL_NOT_CONFIGURED;
      case CONTENT_FILTERED:
        return RefusalReason.CONTENT_FILTERED;
      default:
        return RefusalReason.MODEL_UNAVAILABLE;
    }
  }
}
