package dev.coachkit.adapter.web.coach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.ports.in.conversation.ChatReply;
import dev.coachkit.ports.in.usage.UsageReport;
import dev.coachkit.ports.model.account.UserDataExport;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Goal;
import dev.coachkit.ports.model.coaching.LoggedExercise;
import dev.coachkit.ports.model.coaching.NutritionDay;
import dev.coachkit.ports.model.coaching.ProgressMeasurement;
import dev.coachkit.ports.model.coaching.Sex;
import dev.coachkit.ports.model.coaching.WorkoutLog;
import dev.coachkit.ports.model.common.CheckInId;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.GoalId;
import dev.coachkit.ports.model.common.MeasurementId;
import dev.coachkit.ports.model.common.MessageId;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.UsageEntryId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.common.WorkoutId;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.conversation.ToolResult;
import dev.coachkit.ports.model.feedback.Feedback;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.model.followup.FollowUp;
import dev.coachkit.ports.model.json.Json;
import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.Plan;
import dev.coachkit.ports.model.plan.WorkoutPlan;
import dev.coachkit.ports.model.plan.ActivityLevel;
import dev.coachkit.ports.model.plan.FitnessLevel;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.usage.UsageSummary;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * Maps the port model to the response DTOs. Ids become UUIDs, Optionals become nullable fields, tool arguments and
 * results become JSON trees. Method names differ where erasures clash; MapStruct picks them by type.
 */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface CoachWebMapper {

  /** Reads the port's JSON text into Jackson trees; the port's JSON is always valid. */
  ObjectMapper JSON = new ObjectMapper();

  @Mapping(target = "timestamp", source = "createdAt")
  ChatResponse toResponse(ChatReply reply);

  ToolCallResponse toResponse(ToolCall call);

  ToolResultResponse toResponse(ToolResult result);

  TokenUsageResponse toResponse(TokenUsage usage);

  ConversationResponse toResponse(Conversation conversation);

  MessageResponse toResponse(Message message);

  ProfileResponse toResponse(CoachProfile profile);

  WorkoutResponse toResponse(WorkoutLog workout);

  ExerciseResponse toResponse(LoggedExercise exercise);

  NutritionResponse toResponse(NutritionDay day);

  ProgressResponse toResponse(ProgressMeasurement measurement);

  GoalResponse toResponse(Goal goal);

  CheckInResponse toResponse(CheckInSummary checkIn);

  @Mapping(target = "profile", source = "profile")
  ContextResponse toResponse(CoachKnowledge knowledge);

  UsageEntryResponse toResponse(UsageEntry entry);

  FollowUpResponse toResponse(FollowUp followUp);

  VoiceSessionResponse toResponse(VoiceSession session);

  List<PlanResponse> plans(List<Plan> plans);

  List<FollowUpResponse> followUps(List<FollowUp> followUps);

  default PlanResponse toResponse(Plan plan) {
    WorkoutPlan workout = plan.body() instanceof WorkoutPlan ? (WorkoutPlan) plan.body() : null;
    NutritionPlan nutrition = plan.body() instanceof NutritionPlan ? (NutritionPlan) plan.body() : null;
    return new PlanResponse(plan.id().value(), plan.kind(), plan.version(), plan.status(),
        plan.sourceConversationId().map(ConversationId::value).orElse(null), plan.createdAt(), workout, nutrition);
  }

  default FeedbackResponse toResponse(Feedback feedback) {
    UUID message = feedback.target() instanceof FeedbackTarget.OnMessage
        ? ((FeedbackTarget.OnMessage) feedback.target()).messageId().value() : null;
    UUID session = feedback.target() instanceof FeedbackTarget.OnVoiceSession
        ? ((FeedbackTarget.OnVoiceSession) feedback.target()).voiceSessionId().value() : null;
    return new FeedbackResponse(feedback.id().value(), message, session, feedback.rating(),
        feedback.comment().orElse(null), feedback.createdAt());
  }

  default UsageResponse toResponse(UsageReport report) {
    UsageSummary total = report.total();
    return new UsageResponse(report.from(), report.to(), total.responses(), toResponse(total.tokens()),
        total.audioSecondsIn(), total.audioSecondsOut(), total.costMicros(), usd(total.costMicros()));
  }

  default ConversationPageResponse conversationPage(Page<Conversation> page) {
    return new ConversationPageResponse(page.items().stream().map(this::toResponse).toList(), cursor(page));
  }

  default MessagePageResponse messagePage(Page<Message> page) {
    return new MessagePageResponse(page.items().stream().map(this::toResponse).toList(), cursor(page));
  }

  default ExportResponse toResponse(UserDataExport export) {
    var data = export.coachData();
    return new ExportResponse(export.userId().value(), export.exportedAt(), profile(data.profile()),
        data.workouts().stream().map(this::toResponse).toList(),
        data.nutritionDays().stream().map(this::toResponse).toList(),
        data.measurements().stream().map(this::toResponse).toList(),
        data.goals().stream().map(this::toResponse).toList(),
        data.checkIns().stream().map(this::toResponse).toList(),
        export.conversations().stream().map(this::toResponse).toList(),
        export.messages().stream().map(this::toResponse).toList(),
        export.voiceSessions().stream().map(this::toResponse).toList(),
        export.usage().stream().map(this::toResponse).toList(),
        export.feedback().stream().map(this::toResponse).toList(),
        followUps(export.followUps()),
        plans(export.plans()));
  }

  /** Micro-dollars as US dollars. */
  static BigDecimal usd(long micros) {
    return BigDecimal.valueOf(micros, 6);
  }

  private static String cursor(Page<?> page) {
    return page.nextCursor().map(PageCursor::value).orElse(null);
  }

  // ---------------------------------------------------------------- conversions MapStruct selects by type

  default JsonNode json(JsonValue value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.readTree(Json.write(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  default ProfileResponse profile(Optional<CoachProfile> profile) {
    return profile.map(this::toResponse).orElse(null);
  }

  default CheckInResponse checkIn(Optional<CheckInSummary> checkIn) {
    return checkIn.map(this::toResponse).orElse(null);
  }

  default ToolResultResponse toolResult(Optional<ToolResult> result) {
    return result.map(this::toResponse).orElse(null);
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

  default UUID uuid(FollowUpId id) {
    return id == null ? null : id.value();
  }

  default UUID conversationUuid(Optional<ConversationId> id) {
    return id.map(ConversationId::value).orElse(null);
  }

  default UUID voiceSessionUuid(Optional<VoiceSessionId> id) {
    return id.map(VoiceSessionId::value).orElse(null);
  }

  default String string(Optional<String> value) {
    return value.orElse(null);
  }

  default Integer integer(Optional<Integer> value) {
    return value.orElse(null);
  }

  default Double decimal(Optional<Double> value) {
    return value.orElse(null);
  }

  default Instant instant(Optional<Instant> value) {
    return value.orElse(null);
  }

  default LocalDate date(Optional<LocalDate> value) {
    return value.orElse(null);
  }

  default Sex sex(Optional<Sex> value) {
    return value.orElse(null);
  }

  default FitnessLevel fitnessLevel(Optional<FitnessLevel> value) {
    return value.orElse(null);
  }

  default ActivityLevel activityLevel(Optional<ActivityLevel> value) {
    return value.orElse(null);
  }

  default VoiceEndReason endReason(Optional<VoiceEndReason> value) {
    return value.orElse(null);
  }

  default String languageTag(Locale locale) {
    return locale == null ? null : locale.toLanguageTag();
  }
}
