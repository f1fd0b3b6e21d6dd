package dev.coachkit.domain.checkin;

import dev.coachkit.domain.coaching.ConversationTranscript;
import dev.coachkit.domain.coaching.JsonFields;
import dev.coachkit.domain.coaching.JsonSchemas;
import dev.coachkit.domain.coaching.StructuredAnswers;
import dev.coachkit.ports.in.coaching.CheckInResult;
import dev.coachkit.ports.in.coaching.SummarizeCheckInCommand;
import dev.coachkit.ports.in.coaching.SummarizeCheckInUseCase;
import dev.coachkit.ports.model.coaching.CheckInSummary;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.common.CheckInId;
import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.conversation.MessageRole;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.out.conversation.ConversationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Summarises a period of a user's conversations (text and voice, every conversation, dates in the clock's zone)
 * into a structured check-in with the model under a strict JSON schema, and stores it. Refused when the user said
 * nothing in the period, when the model cannot answer, or when its answer does not follow the schema; nothing is
 * stored then.
 */
public final class SummarizeCheckInService implements SummarizeCheckInUseCase {
  static final int MAX_ENTRIES = 20;
  static final int MAX_ENTRY_LENGTH = 500;
  static final int MAX_FEELING_LENGTH = 200;
  private static final int HISTORY_PAGE = 100;

  static final String INSTRUCTIONS = String.join("\n",
      "You summarise a coaching check-in from the transcript of a period of conversation between a user and their",
      "coach. Report only what the transcript supports; never diagnose or guess.",
      "adherencePercent: how well the user kept to their plan, 0-100, only if they said enough to judge; else null.",
      "wins: what went well. obstacles: what got in the way. preferences: what the user likes, dislikes or wants",
      "changed. mood and energy: as the user described them, in their own words where possible; null if they did",
      "not say. openQuestions: questions the user asked that are still open.",
      "Short entries, at most 20 per list. Write the entries in the user's language.");

  private final CoachDataStore coachData;
  private final ConversationStore conversations;
  private final StructuredAnswers answers;
  private final IdGenerator ids;
  private final Clock clock;
  private final CheckInSettings settings;

  public SummarizeCheckInService(CoachDataStore coachData, ConversationStore conversations, StructuredAnswers answers,
      IdGenerator ids, Clock clock, CheckInSettings settings) {
    this.coachData = Objects.requireNonNull(coachData, "coachData must not be null");
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.answers = Objects.requireNonNull(answers, "answers must not be null");
    this.ids = Objects.requireNonNull(ids, "ids must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  @Override
  public CheckInResult summarize(SummarizeCheckInCommand command) {
    Attempt attempt = attempt(command.userId(), command.periodStart(), command.periodEnd());
    if (attempt.summary().isPresent()) {
      return new CheckInResult.Summarized(attempt.summary().get());
    }
    return new CheckInResult.Refused(attempt.refusal().orElseThrow());
  }

  /** What one attempt produced: a stored summary, or a refusal, with "the user said nothing" told apart. */
  record Attempt(Optional<CheckInSummary> summary, Optional<Refusal> refusal, boolean nothingToSummarize) {
    static Attempt refused(Refusal refusal) {
      return new Attempt(Optional.empty(), Optional.of(refusal), false);
    }
  }

  static ResponseSchema schema() {
    Map<String, JsonObject> properties = new LinkedHashMap<>();
    properties.put("adherencePercent", JsonSchemas.nullableInteger("adherence to the plan, 0-100"));
    properties.put("wins", JsonSchemas.stringArray("what went well"));
    properties.put("obstacles", JsonSchemas.stringArray("what got in the way"));
    properties.put("preferences", JsonSchemas.stringArray("likes, dislikes, wished-for changes"));
    properties.put("mood", JsonSchemas.nullableString("mood as the user reported it"));
    properties.put("energy", JsonSchemas.nullableString("energy as the user reported it"));
    properties.put("openQuestions", JsonSchemas.stringArray("the user's questions still open"));
    return new ResponseSchema("check_in_summary", JsonSchemas.object(properties));
  }

  Attempt attempt(UserId user, LocalDate periodStart, LocalDate periodEnd) {
    ZoneId zone = clock.getZone();
    List<Message> messages = messagesIn(user, periodStart.atStartOfDay(zone).toInstant(),
        periodEnd.plusDays(1).atStartOfDay(zone).toInstant());
    boolean userSpoke = messages.stream()
        .anyMatch(m -> m.role() == MessageRole.USER && ConversationTranscript.spoken(m));
    if (!userSpoke) {
      return new Attempt(Optional.empty(), Optional.of(Refusal.of(RefusalReason.INVALID_REQUEST,
          "nothing to summarise: no conversation from " + periodStart + " to " + periodEnd)), true);
    }
    String language = coachData.findProfile(user).map(CoachProfile::language).orElse(Locale.ENGLISH)
        .getDisplayLanguage(Locale.ENGLISH);
    String input = "The user's language: " + language + "\nPeriod: " + periodStart + " to " + periodEnd
        + "\n\n## Transcript\n" + ConversationTranscript.render(messages, zone, settings.maxTranscriptChars());
    StructuredAnswers.Result result = answers.ask(user, Optional.empty(), INSTRUCTIONS, input, schema(), settings.maxOutputTokens());
    if (result instanceof StructuredAnswers.Failed failed) {
      return Attempt.refused(new Refusal(failed.kind(), failed.message(), failed.retryAfter()));
    }
    JsonFields fields = new JsonFields(((StructuredAnswers.Answered) result).answer());
    Optional<Integer> adherence = fields.integer("adherencePercent");
    List<String> wins = entries(fields.textArray("wins"), MAX_ENTRY_LENGTH);
    List<String> obstacles = entries(fields.textArray("obstacles"), MAX_ENTRY_LENGTH);
    List<String> preferences = entries(fields.textArray("preferences"), MAX_ENTRY_LENGTH);
    Optional<String> mood = fields.text("mood").map(t -> cut(t, MAX_FEELING_LENGTH));
    Optional<String> energy = fields.text("energy").map(t -> cut(t, MAX_FEELING_LENGTH));
    List<String> openQuestions = entries(fields.textArray("openQuestions"), MAX_ENTRY_LENGTH);
    List<String> problems = new ArrayList<>(fields.problems());
    if (adherence.isPresent() && (adherence.get() < 0 || adherence.get() > 100)) {
      problems.add("adherencePercent must be between 0 and 100, was " + adherence.get());
    }
    if (!problems.isEmpty()) {
      return Attempt.refused(Refusal.of(RefusalReason.MODEL_UNAVAILABLE,
          "the model's summary could not be used: " + String.join("; ", problems)));
    }
    CheckInSummary summary = new CheckInSummary(CheckInId.of(ids.next()), user, periodStart, periodEnd, adherence,
        wins, obstacles, preferences, mood, energy, openQuestions, clock.instant());
    coachData.saveCheckIn(summary);
    return new Attempt(Optional.of(summary), Optional.empty(), false);
  }

  /** The user's messages created in {@code [from, to)}, oldest first, the newest {@code maxMessages} of them. */
  private List<Message> messagesIn(UserId user, Instant from, Instant to) {
    List<Message> found = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    while (found.size() < settings.maxMessages()) {
      Page<Message> page = conversations.history(user, cursor, HISTORY_PAGE);
      boolean reachedStart = false;
      for (Message message : page.items()) {
        if (message.createdAt().isBefore(from)) {
          reachedStart = true;
        } else if (message.createdAt().isBefore(to)) {
          found.add(message);
        }
      }
      if (reachedStart || page.nextCursor().isEmpty()) {
        break;
      }
      cursor = page.nextCursor();
    }
    found.sort(Comparator.comparing(Message::createdAt)
        .thenComparing(m -> m.conversationId().value())
        .thenComparingLong(Message::sequence));
    if (found.size() > settings.maxMessages()) {
      return found.subList(found.size() - settings.maxMessages(), found.size());
    }
    return found;
  }

  private static List<String> entries(Optional<List<String>> values, int maxLength) {
    List<String> entries = new ArrayList<>();
    for (String value : values.orElse(List.of())) {
      if (entries.size() == MAX_ENTRIES) {
        break;
      }
      entries.add(cut(value, maxLength));
    }
    return entries;
  }

  private static String cut(String text, int maxLength) {
    return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
  }
}
