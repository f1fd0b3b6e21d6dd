package dev.coachkit.adapter.persistence.internal;

import dev.coachkit.ports.model.common.CheckInId;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.FeedbackId;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.MeasurementId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.PlanId;
import dev.coachkit.ports.model.common.UsageEntryId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.common.WorkoutId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversions every mapper shares: id records to and from their column values, Optionals to and from nullable
 * columns, locales to language tags and string lists to text[]. Method names differ because several share an
 * erasure; MapStruct picks them by source and target type.
 */
public interface CommonMappings {

  default String userId(UserId id) {
    return id == null ? null : id.value();
  }

  default UserId toUserId(String value) {
    return value == null ? null : UserId.of(value);
  }

  default UUID uuid(ConversationId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(MessageId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(VoiceSessionId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(PlanId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(WorkoutId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(MeasurementId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(GoalId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(CheckInId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(UsageEntryId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(FeedbackId id) {
    return id == null ? null : id.value();
  }

  default UUID uuid(FollowUpId id) {
    return id == null ? null : id.value();
  }

  default ConversationId conversationId(UUID value) {
    return value == null ? null : ConversationId.of(value);
  }

  default MessageId messageId(UUID value) {
    return value == null ? null : MessageId.of(value);
  }

  default VoiceSessionId voiceSessionId(UUID value) {
    return value == null ? null : VoiceSessionId.of(value);
  }

  default PlanId planId(UUID value) {
    return value == null ? null : PlanId.of(value);
  }

  default WorkoutId workoutId(UUID value) {
    return value == null ? null : WorkoutId.of(value);
  }

  default MeasurementId measurementId(UUID value) {
    return value == null ? null : MeasurementId.of(value);
  }

  default GoalId goalId(UUID value) {
    return value == null ? null : GoalId.of(value);
  }

  default CheckInId checkInId(UUID value) {
    return value == null ? null : CheckInId.of(value);
  }

  default UsageEntryId usageEntryId(UUID value) {
    return value == null ? null : UsageEntryId.of(value);
  }

  default FeedbackId feedbackId(UUID value) {
    return value == null ? null : FeedbackId.of(value);
  }

  default FollowUpId followUpId(UUID value) {
    return value == null ? null : FollowUpId.of(value);
  }

  default UUID conversationUuid(Optional<ConversationId> id) {
    return id.map(ConversationId::value).orElse(null);
  }

  default Optional<ConversationId> optionalConversationId(UUID value) {
    return Optional.ofNullable(value).map(ConversationId::of);
  }

  default UUID voiceSessionUuid(Optional<VoiceSessionId> id) {
    return id.map(VoiceSessionId::value).orElse(null);
  }

  default Optional<VoiceSessionId> optionalVoiceSessionId(UUID value) {
    return Optional.ofNullable(value).map(VoiceSessionId::of);
  }

  default String string(Optional<String> value) {
    return value.orElse(null);
  }

  default Optional<String> optionalString(String value) {
    return Optional.ofNullable(value);
  }

  default Integer integer(Optional<Integer> value) {
    return value.orElse(null);
  }

  default Optional<Integer> optionalInteger(Integer value) {
    return Optional.ofNullable(value);
  }

  default Double decimal(Optional<Double> value) {
    return value.orElse(null);
  }

  default Optional<Double> optionalDecimal(Double value) {
    return Optional.ofNullable(value);
  }

  default Instant instant(Optional<Instant> value) {
    return value.orElse(null);
  }

  default Optional<Instant> optionalInstant(Instant value) {
    return Optional.ofNullable(value);
  }

  default LocalDate date(Optional<LocalDate> value) {
    return value.orElse(null);
  }

  default Optional<LocalDate> optionalDate(LocalDate value) {
    return Optional.ofNullable(value);
  }

  default String languageTag(Locale locale) {
    return locale == null ? null : locale.toLanguageTag();
  }

  default Locale locale(String languageTag) {
    return languageTag == null ? null : Locale.forLanguageTag(languageTag);
  }

  default String[] textArray(List<String> values) {
    return values == null ? null : values.toArray(new String[0]);
  }

  default List<String> textList(String[] values) {
    return values == null ? List.of() : List.of(values);
  }
}
