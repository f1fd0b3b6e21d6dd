package dev.coachkit.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.account.ExportUserDataQuery;
import dev.coachkit.ports.model.account.UserDataExport;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.feedback.Rating;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestConversationFactory;
import dev.coachkit.ports.testing.TestFeedbackFactory;
import dev.coachkit.ports.testing.TestFollowUpFactory;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestPlanFactory;
import dev.coachkit.ports.testing.TestUsageEntryFactory;
import dev.coachkit.ports.testing.TestVoiceSessionFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExportUserDataServiceTest {
  static final Instant T0 = TestConversationFactory.T0;

  /** Stores one of everything for the user; the conversation has {@code messages} lines. */
  static ConversationId everythingFor(TestCoachWorld world, UserId user, int messages) {
    world.coachData.saveProfile(TestCoachDataFactory.profile(user));
    world.coachData.saveWorkout(TestCoachDataFactory.workout(user, TestCoachDataFactory.MONDAY));
    world.coachData.saveCheckIn(TestCoachDataFactory.checkIn(user, TestCoachDataFactory.MONDAY, T0));
    String[] lines = new String[messages];
    for (int i = 0; i < messages; i++) {
      lines[i] = "line " + i;
    }
    ConversationId conversation = world.conversation(user, T0, lines);
    world.conversation(user, T0.plusSeconds(1), "second conversation");
    world.voiceSessions.create(TestVoiceSessionFactory.created(user), 1);
    world.usage.record(TestUsageEntryFactory.chat(user, conversation, 1_234, T0));
    world.feedback.save(TestFeedbackFactory.onMessage(user, Rating.UP, T0));
    world.followUps.save(TestFollowUpFactory.scheduled(user, "check knee", T0.plusSeconds(3_600)));
    world.plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(user, T0));
    world.plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(user, T0.plusSeconds(60)));
    world.plans.saveNewVersion(TestPlanFactory.newNutritionPlan(user, T0));
    world.claims.claim(user, TestCoachDataFactory.MONDAY);
    return conversation;
  }

  static ExportUserDataService exporter(TestCoachWorld world) {
    return new ExportUserDataService(world.conversations, world.coachData, world.plans, world.voiceSessions,
        world.usage, world.feedback, world.followUps, world.clock);
  }

  @Test
  void givenDataInEveryStore_export_containsEverythingIncludingEveryPlanVersion() {
    TestCoachWorld world = new TestCoachWorld();
    UserId user = TestIds.user();
    everythingFor(world, user, 2);
    everythingFor(world, TestIds.user(), 2);

    UserDataExport export = exporter(world).export(new ExportUserDataQuery(user));

    assertThat(export.userId()).isEqualTo(user);
    assertThat(export.exportedAt()).isEqualTo(world.clock.instant());
    assertThat(export.coachData().profile()).isPresent();
    assertThat(export.coachData().workouts()).hasSize(1);
    assertThat(export.coachData().checkIns()).hasSize(1);
    assertThat(export.conversations()).hasSize(2);
    assertThat(export.messages()).hasSize(3).allMatch(m -> m.userId().equals(user));
    assertThat(export.voiceSessions()).hasSize(1);
    assertThat(export.usage()).hasSize(1);
    assertThat(export.feedback()).hasSize(1);
    assertThat(export.followUps()).hasSize(1);
    assertThat(export.plans()).hasSize(3).allMatch(p -> p.userId().equals(user));
  }

  @Test
  void givenALongConversation_export_containsEveryMessageInOrder() {
    TestCoachWorld world = new TestCoachWorld();
    UserId user = TestIds.user();
    ConversationId conversation = everythingFor(world, user, 250);

    UserDataExport export = exporter(world).export(new ExportUserDataQuery(user));

    assertThat(export.messages().stream().filter(m -> m.conversationId().equals(conversation))
        .mapToLong(Message::sequence)).containsExactlyElementsOf(
            java.util.stream.LongStream.rangeClosed(1, 250).boxed().toList());
  }
}
