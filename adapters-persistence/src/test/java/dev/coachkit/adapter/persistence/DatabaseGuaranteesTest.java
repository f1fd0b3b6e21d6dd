package dev.coachkit.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.plan.PlanStore;
import dev.coachkit.ports.out.voice.VoiceSessionCreation;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import dev.coachkit.ports.testing.TestIds;
import dev.coachkit.ports.testing.TestPlanFactory;
import dev.coachkit.ports.testing.TestVoiceSessionFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Rules the schema itself enforces, whoever writes the rows: raw SQL bypasses the adapter on purpose. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DatabaseGuaranteesTest {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String CHECK_VIOLATION = "23514";
  private static final Instant T0 = TestVoiceSessionFactory.T0;
  private static final String RAW_ACTIVE_SESSION = "INSERT INTO voice_sessions (id, user_id, conversation_id, status,"
      + " voice, persona, language, transport, created_at, started_at, expires_at, last_activity_at,"
      + " audio_seconds_in, audio_seconds_out, tokens_in, tokens_out, cost_micros)"
      + " VALUES (?, ?, ?, 'ACTIVE', 'marin', 'FITNESS_COACH', 'en', 'RELAY', now(), now(), now() + interval '30 minutes',"
      + " now(), 0, 0, 0, 0, 0)";

  @Inject VoiceSessionStore voiceSessions;
  @Inject PlanStore plans;
  @Inject DataSource dataSource;

  @Test
  void givenAnOpenSession_rawInsertOfASecondActiveSessionForTheUser_isRefusedByTheDatabase() {
    UserId alice = TestIds.user();
    voiceSessions.create(TestVoiceSessionFactory.created(alice), 1);

    assertThatThrownBy(() -> Sql.execute(dataSource, RAW_ACTIVE_SESSION, UUID.randomUUID(), alice.value(),
            UUID.randomUUID()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("voice_sessions_one_open_per_user")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo(UNIQUE_VIOLATION);
    assertThat(openSessionRows(alice)).isEqualTo(1);
  }

  @Test
  void givenOnlyAnEndedSession_rawInsertOfAnActiveSession_isAccepted() throws SQLException {
    UserId alice = TestIds.user();
    VoiceSession first = TestVoiceSessionFactory.created(alice);
    voiceSessions.create(first, 1);
    voiceSessions.update(TestVoiceSessionFactory.ended(first, T0.plusSeconds(60)));

    Sql.execute(dataSource, RAW_ACTIVE_SESSION, UUID.randomUUID(), alice.value(), UUID.randomUUID());

    assertThat(openSessionRows(alice)).isEqualTo(1);
  }

  @Test
  void given20ConcurrentCreatesForOneUser_create_leavesExactlyOneOpenSessionRow() throws Exception {
    UserId alice = TestIds.user();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<VoiceSessionCreation>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        int n = i;
        Callable<VoiceSessionCreation> task = () -> {
          start.await();
          return voiceSessions.create(TestVoiceSessionFactory.created(alice, T0.plusMillis(n)), 1);
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      int created = 0;
      for (Future<VoiceSessionCreation> f : futures) {
        created += f.get() instanceof VoiceSessionCreation.Created ? 1 : 0;
      }
      assertThat(created).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(openSessionRows(alice)).isEqualTo(1);
  }

  @Test
  void givenAnActivePlan_rawInsertOfASecondActivePlanOfThatKind_isRefusedByTheDatabase() {
    UserId alice = TestIds.user();
    plans.saveNewVersion(TestPlanFactory.newWorkoutPlan(alice, T0));

    assertThatThrownBy(() -> Sql.execute(dataSource, "INSERT INTO plans (id, user_id, kind, version, status, body,"
            + " created_at) VALUES (?, ?, 'WORKOUT', 2, 'ACTIVE', '{}'::jsonb, now())", UUID.randomUUID(),
            alice.value()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("plans_one_active_per_user_kind")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo(UNIQUE_VIOLATION);
    assertThat(plans.active(alice, PlanKind.WORKOUT).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void givenAConversation_rawInsertOfAMessageWithAnUnknownRole_isRefusedByTheCheckConstraint() throws SQLException {
    UserId alice = TestIds.user();
    UUID conversation = UUID.randomUUID();
    Sql.execute(dataSource, "INSERT INTO conversations (id, user_id, created_at, last_activity_at)"
        + " VALUES (?, ?, now(), now())", conversation, alice.value());

    assertThatThrownBy(() -> Sql.execute(dataSource, "INSERT INTO messages (id, conversation_id, user_id,"
            + " sequence_number, role, channel, status, content, created_at)"
            + " VALUES (?, ?, ?, 1, 'MODERATOR', 'TEXT', 'COMPLETE', 'hi', now())", UUID.randomUUID(), conversation,
            alice.value()))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo(CHECK_VIOLATION);
  }

  private long openSessionRows(UserId user) {
    return Sql.count(dataSource,
        "SELECT count(*) FROM voice_sessions WHERE user_id = ? AND status IN ('CREATED', 'ACTIVE')", user.value());
  }
}
