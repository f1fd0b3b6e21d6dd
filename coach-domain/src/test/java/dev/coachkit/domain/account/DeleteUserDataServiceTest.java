package dev.coachkit.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.coaching.TestCoachWorld;
import dev.coachkit.ports.in.account.DeleteUserDataCommand;
import dev.coachkit.ports.in.account.ExportUserDataQuery;
import dev.coachkit.ports.model.account.UserDataExport;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import org.junit.jupiter.api.Test;

class DeleteUserDataServiceTest {
  private final TestCoachWorld world = new TestCoachWorld();
  private final UserId ana = TestIds.user();
  private final UserId ben = TestIds.user();

  private DeleteUserDataService deleter() {
    return new DeleteUserDataService(world.conversations, world.coachData, world.plans, world.voiceSessions,
        world.usage, world.feedback, world.followUps, world.claims);
  }

  private static void assertEmpty(UserDataExport export) {
    assertThat(export.coachData().profile()).isEmpty();
    assertThat(export.coachData().workouts()).isEmpty();
    assertThat(export.coachData().checkIns()).isEmpty();
    assertThat(export.conversations()).isEmpty();
    assertThat(export.messages()).isEmpty();
    assertThat(export.voiceSessions()).isEmpty();
    assertThat(export.usage()).isEmpty();
    assertThat(export.feedback()).isEmpty();
    assertThat(export.followUps()).isEmpty();
    assertThat(export.plans()).isEmpty();
  }

  @Test
  void givenDataOfTwoUsers_delete_removesEverythingOfOneAndNothingOfTheOther() {
    ExportUserDataServiceTest.everythingFor(world, ana, 3);
    ExportUserDataServiceTest.everythingFor(world, ben, 3);
    UserDataExport bensBefore = ExportUserDataServiceTest.exporter(world).export(new ExportUserDataQuery(ben));

    deleter().delete(new DeleteUserDataCommand(ana));

    assertEmpty(ExportUserDataServiceTest.exporter(world).export(new ExportUserDataQuery(ana)));
    UserDataExport bensAfter = ExportUserDataServiceTest.exporter(world).export(new ExportUserDataQuery(ben));
    assertThat(bensAfter.coachData()).isEqualTo(bensBefore.coachData());
    assertThat(bensAfter.messages()).isEqualTo(bensBefore.messages());
    assertThat(bensAfter.plans()).isEqualTo(bensBefore.plans());
    assertThat(bensAfter.voiceSessions()).isEqualTo(bensBefore.voiceSessions());
    assertThat(bensAfter.usage()).isEqualTo(bensBefore.usage());
    assertThat(bensAfter.feedback()).isEqualTo(bensBefore.feedback());
    assertThat(bensAfter.followUps()).isEqualTo(bensBefore.followUps());
  }

  @Test
  void givenADeletedUser_delete_forgetsTheirCheckInClaimsSoANewAccountCanCheckIn() {
    ExportUserDataServiceTest.everythingFor(world, ana, 1);
    ExportUserDataServiceTest.everythingFor(world, ben, 1);

    deleter().delete(new DeleteUserDataCommand(ana));

    assertThat(world.claims.claim(ana, TestCoachDataFactory.MONDAY)).isTrue();
    assertThat(world.claims.claim(ben, TestCoachDataFactory.MONDAY)).isFalse();
  }

  @Test
  void givenAlreadyDeleted_deleteAgain_changesNothing() {
    ExportUserDataServiceTest.everythingFor(world, ana, 1);
    deleter().delete(new DeleteUserDataCommand(ana));

    deleter().delete(new DeleteUserDataCommand(ana));

    assertEmpty(ExportUserDataServiceTest.exporter(world).export(new ExportUserDataQuery(ana)));
  }
}
