package dev.coachkit.domain.account;

import dev.coachkit.ports.in.account.ExportUserDataQuery;
import dev.coachkit.ports.in.account.ExportUserDataUseCase;
import dev.coachkit.ports.model.account.UserDataExport;
import dev.coachkit.ports.model.common.Page;
import dev.coachkit.ports.model.common.PageCursor;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import dev.coachkit.ports.out.followup.FollowUpStore;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles everything stored about a user from every store: coach data, conversations with all their messages
 * (each conversation's messages in sequence order), voice sessions, usage, feedback, follow-ups and every plan
 * version.
 */
public final class ExportUserDataService implements ExportUserDataUseCase {
  private static final int PAGE = 100;

  private final ConversationStore conversations;
  private final CoachDataStore coachData;
  private final PlanStore plans;
  private final VoiceSessionStore voiceSessions;
  private final UsageLedger usage;
  private final FeedbackStore feedback;
  private final FollowUpStore followUps;
  private final Clock clock;

  public ExportUserDataService(ConversationStore conversations, CoachDataStore coachData, PlanStore plans,
      VoiceSessionStore voiceSessions, UsageLedger usage, FeedbackStore feedback, FollowUpStore followUps,
      Clock clock) {
    this.conversations = Objects.requireNonNull(conversations, "conversations must not be null");
    this.coachData = Objects.requireNonNull(coachData, "coachData must not be null");
    this.plans = Objects.requireNonNull(plans, "plans must not be null");
    this.voiceSessions = Objects.requireNonNull(voiceSessions, "voiceSessions must not be null");
    this.usage = Objects.requireNonNull(usage, "usage must not be null");
    this.feedback = Objects.requireNonNull(feedback, "feedback must not be null");
    this.followUps = Objects.requireNonNull(followUps, "followUps must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public UserDataExport export(ExportUserDataQuery query) {
    UserId user = query.userId();
    List<Conversation> allConversations = allConversations(user);
    List<Message> messages = new ArrayList<>();
    for (Conversation conversation : allConversations) {
      messages.addAll(allMessages(user, conversation));
    }
    return new UserDataExport(
        user,
        clock.instant(),
        coachData.exportAllOf(user),
        allConversations,
        messages,
        voiceSessions.list(user),
        usage.entriesOf(user),
        feedback.list(user),
        followUps.list(user),
        plans.list(user, Optional.empty()));
  }

  private List<Conversation> allConversations(UserId user) {
    List<Conversation> all = new ArrayList<>();
    Optional<PageCursor> cursor = Optional.empty();
    do {
      Page<Conversation> page = conversations.list(user, cursor, PAGE);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return all;
  }

  private List<Message> allMessages(UserId user, Conversation conversation) {
    List<Message> all = new ArrayList<>();
    Optional<Long> before = Optional.empty();
    while (true) {
      Page<Message> page = conversations.messages(user, conversation.id(), before, PAGE);
      all.addAll(0, page.items());
      if (page.nextCursor().isEmpty() || page.items().isEmpty()) {
        return all;
      }
      before = Optional.of(Long.parseLong(page.nextCursor().get().value()));
    }
  }
}
