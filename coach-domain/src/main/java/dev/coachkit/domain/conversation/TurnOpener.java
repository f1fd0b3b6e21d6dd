package dev.coachkit.domain.conversation;

import dev.coachkit.domain.coaching.GetCoachKnowledgeService;
import dev.coachkit.domain.usage.UsageGuard;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeQuery;
import dev.coachkit.ports.in.coaching.GetCoachKnowledgeUseCase;
import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.TurnStartData;
import dev.coachkit.ports.out.conversation.TurnStartReads;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens a chat turn: what the coach knows about the user, and the usage check (daily budget, rate limit) that may
 * refuse the turn. {@link #together} reads both with one {@link TurnStartReads} call (ADR-0026); {@link #separately}
 * asks the knowledge use case, and the usage guard only when the turn asks for the check.
 */
public final class TurnOpener {

  /** The knowledge, and the usage check: a refusal when the user may not start a model turn now. */
  record Opening(CoachKnowledge knowledge, Supplier<Optional<Refusal>> usageCheck) {
  }

  @FunctionalInterface
  private interface Opens {
    Opening open(UserId userId);
  }

  private final Opens opens;

  private TurnOpener(Opens opens) {
    this.opens = opens;
  }

  /** The knowledge from its use case; the tally read only when the check is made (not for a red-flag reply). */
  public static TurnOpener separately(GetCoachKnowledgeUseCase knowledge, UsageGuard guard) {
    Objects.requireNonNull(knowledge, "knowledge must not be null");
    Objects.requireNonNull(guard, "guard must not be null");
    return new TurnOpener(userId -> new Opening(knowledge.get(new GetCoachKnowledgeQuery(userId)),
        () -> guard.check(userId)));
  }

  /**
   * Both from one read at the same instant: the coach data for the knowledge service's window and the tally for the
   * guard's, through {@code reads}. The check is decided from that tally when the turn asks for it.
   */
  public static TurnOpener together(TurnStartReads reads, GetCoachKnowledgeService knowledge, UsageGuard guard) {
    Objects.requireNonNull(reads, "reads must not be null");
    Objects.requireNonNull(knowledge, "knowledge must not be null");
    Objects.requireNonNull(guard, "guard must not be null");
    return new TurnOpener(userId -> {
      Instant now = knowledge.clock().instant();
      UsageGuard.TallyWindow tallyWindow = guard.windowAt(now);
      TurnStartData data = reads.read(userId, knowledge.windowAt(now), tallyWindow.costSince(),
          tallyWindow.responsesSince());
      return new Opening(GetCoachKnowledgeService.knowledge(userId, now, data.coachData()),
          () -> guard.decide(userId, tallyWindow, data.usage()));
    });
  }

  Opening open(UserId userId) {
    return opens.open(Objects.requireNonNull(userId, "userId must not be null"));
  }
}
