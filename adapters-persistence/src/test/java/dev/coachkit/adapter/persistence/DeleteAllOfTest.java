package dev.coachkit.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapter.persistence.internal.Jdbc;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Conversation;
import dev.coachkit.ports.model.feedback.FeedbackTarget;
import dev.coachkit.ports.model.feedback.Rating;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.coaching.CheckInClaims;
import dev.coachkit.ports.out.coaching.CoachDataStore;
import dev.coachkit.ports.out.conversation.ConversationStore;
import dev.coachkit.ports.out.feedback.FeedbackStore;
import dev.coachkit.ports.out.followup.FollowUpStore;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.ports.out.usage.UsageLedger;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestFeedbackFactory;
import dev.coachkit.ports.testing.TestFollowUpFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestPlanFactory;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import dev.coachkit.ports.testing.TestVoiceSessionFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Deleting a user's data through every store removes all their rows in every table and no other row. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DeleteAllOfTest {
  private static final List<String> TABLES = List.of("conversations", "messages", "coach_profiles", "workouts",
      "nutrition_days", "progress_measurements", "goals", "check_ins", "check_in_claims", "voice_sessions", "plans",
      "usage_entries", "usage_quarter_hours", "usage_seconds", "feedback", "follow_ups", "coach_data_versions");
  private static final Instant T0 = TestConversationFactory.T0;
  private static final LocalDate MONDAY = TestCoachDataFactory.MONDAY;

  @Inject ConversationStore conversations;
  @Inject CoachDataStore coachData;
  @Inject CheckInClaims claims;
  @Inject VoiceSessionStore voiceSessions;
  @Inject PlanStore plans;
  @Inject UsageLedger usage;
  @Inject FeedbackStore feedback;
  @Inject FollowUpStore followUps;
  @Inject DataSource dataSource;

  @Test
  void givenTwoUsersWithRowsInEveryTable_deleteAllOfOneThroughEveryStore_removesExactlyThatUsersRows() {
    UserId alice = TestIds.user();
    UserId bob = TestIds.user();
    populate(alice);
    populate(bob);
    Map<String, Long> alicesBefore = counts(alice);
    Map<String, Long> bobsBefore = counts(bob);
    Map<String, Long> totalBefore = totals();
    assertThat(alicesBefore.values()).allMatch(n -> n > 0);

    conversations.deleteAllOf(alice);
    coachData.deleteAllOf(alice);
    claims.deleteAllOf(alice);
    voiceSessions.deleteAllOf(alice);
    plans.deleteAllOf(alice);
    usage.deleteAllOf(alice);
    feedback.deleteAllOf(alice);
    followUps.deleteAllOf(alice);

    assertThat(counts(alice).values()).containsOnly(0L);
    assertThat(counts(bob)).isEqualTo(bobsBefore);
    Map<String, Long> totalAfter = totals();
    for (String table : TABLES) {
      assertThat(totalAfter.get(table)).as(table).isEqualTo(totalBefore.get(table) - alicesBefore.get(table));
    }
  }

  @Test
  void everyTableWithAUserIdColumn_isCheckedHere() {
    List<String> withUserId = Jdbc.list(dataSource, "SELECT table_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND column_name = 'user_id'", statement -> { },
        row -> row.getString(1));

    assertThat(TABLES).containsExactlyInAnyOrderElementsOf(withUserId);
  }

  private void populate(UserId user) {
    Conversation c = conversations.create(TestConversationFactory.newConversation(user));
    conversations.append(user, c.id(), TestConversationFactory.userText("hi", T0.plusSeconds(1)));
    conversations.append(user, c.id(), TestConversationFactory.assistantText("hello", T0.plusSeconds(2)));
    coachData.saveProfile(TestCoachDataFactory.profile(user));
    coachData.saveWorkout(TestCoachDataFactory.workout(user, MONDAY));
    coachData.saveNutritionDay(TestCoachDataFactory.nutritionDay(user, MONDAY, 80));
    coachData.saveMeasurement(TestCoachDataFactory.weight(user, 70.0, T0));
    coachData.saveGoal(TestCoachDataFactory.goal(user, "Run 5 km", T0));
    coachData.saveCheckIn(TestCoachDataFactory.checkIn(user, MONDAY, T0));
    claims.claim(user, MONDAY);
    VoiceSession session = TestVoiceSessionFactory.created(user);
    voiceSessions.create(session, 1);
    plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(user, T0));
    plans.saveNewVersion(TestPlanFactory.newNutritionPlan(user, T0));
    usage.record(TestUsageEntryFactory.chat(user, c.id(), 100, T0));
    usage.record(TestUsageEntryFactory.voice(user, session.id(), 200, T0));
    // Entries recorded outside a transaction are written in the writer's next batch (ADR-0025); this read waits for
    // every pending one, so that the row counts below see them.
    assertThat(usage.entriesOf(user)).hasSize(2);
    feedback.save(TestFeedbackFactory.onMessage(user, Rating.UP, T0));
    feedback.save(TestFeedbackFactory.feedback(user, new FeedbackTarget.OnVoiceSession(session.id()), Rating.DOWN,
        T0));
    followUps.save(TestFollowUpFactory.scheduled(user, "knee check", T0.plusSeconds(3_600)));
  }

  private Map<String, Long> counts(UserId user) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, Sql.count(dataSource, "SELECT count(*) FROM " + table + " WHERE user_id = ?", user.value()));
    }
    return counts;
  }

  private Map<String, Long> totals() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, Sql.count(dataSource, "SELECT count(*) FROM " + table));
    }
    return counts;
  }
}
