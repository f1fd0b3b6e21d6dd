package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.context.TestKnowledgeFactory;
import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionCommand;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionResult;
import dev.coachkit.ports.model.voice.VoiceCall;
import dev.coachkit.ports.model.voice.VoiceCallEvent;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.testing.FakeRealtimeModel;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import dev.coachkit.ports.testing.TestIds;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Many calls at once, on a real thread pool, each driven from its own thread. */
class ConcurrentVoiceCallsTest {
  private static final int CALLS = 50;
  private static final int TURNS = 5;

  @Test
  void givenFiftyConcurrentCalls_eachDrivenInParallel_eachGetsOnlyItsOwnEventsAndMessages() throws Exception {
    ExecutorService callWork = Executors.newFixedThreadPool(4);
    ExecutorService drivers = Executors.newFixedThreadPool(CALLS);
    try {
      VoiceRig rig = new VoiceRig(VoiceSettings.defaults(), new UsageLimits(1_000_000_000L, 100_000,
          ZoneId.of("UTC")), callWork);
      List<UserId> users = new ArrayList<>();
      List<VoiceSession> sessions = new ArrayList<>();
      List<RecordingCallListener> listeners = new ArrayList<>();
      List<VoiceCall> calls = new ArrayList<>();
      List<FakeRealtimeModel.Connection> upstreams = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        UserId user = TestIds.user();
        rig.fakes.knowledge.put(user, TestKnowledgeFactory.withProfile(TestCoachDataFactory.profile(user)));
        VoiceSession session = rig.startSession(user, VoiceTransport.RELAY);
        RecordingCallListener listener = new RecordingCallListener();
        ConnectVoiceSessionResult result = VoiceRig.await(rig.connect.connect(
            new ConnectVoiceSessionCommand(user, session.id(), listener)));
        assertThat(result).isInstanceOf(ConnectVoiceSessionResult.Connected.class);
        users.add(user);
        sessions.add(session);
        listeners.add(listener);
        calls.add(((ConnectVoiceSessionResult.Connected) result).call());
        upstreams.add(rig.model.lastConnection());
      }
      assertThat(rig.model.connections()).hasSize(CALLS);
      assertThat(rig.model.connections().stream().distinct().count()).isEqualTo(CALLS);

      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        int n = i;
        running.add(drivers.submit(() -> {
          go.await();
          FakeRealtimeModel.Connection up = upstreams.get(n);
          VoiceCall call = calls.get(n);
          for (int t = 0; t < TURNS; t++) {
            call.sendAudio(VoiceRig.pcm(20));
            up.push(rig.speechStarted("u" + n + "_" + t));
            up.push(rig.userSaid("u" + n + "_" + t, "call " + n + " user turn " + t));
            String response = "r" + n + "_" + t;
            String item = "a" + n + "_" + t;
            up.push(rig.delta(response, item, "call " + n + " coach turn " + t));
            up.push(rig.audio(response, item, 100));
            up.push(rig.assistantFinal(response, item, "call " + n + " coach turn " + t));
            up.push(rig.done(response, new TokenUsage(10, 0, 5, 8, 4)));
            call.playbackPosition(100);
          }
          call.end();
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      for (int i = 0; i < CALLS; i++) {
        RecordingCallListener listener = listeners.get(i);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.events().isEmpty() || listener.last().kind() != VoiceCallEvent.Kind.SESSION_ENDED) {
          assertThat(System.nanoTime()).as("call %d ended in time", i).isLessThan(deadline);
          Thread.sleep(5);
        }
      }

      for (int i = 0; i < CALLS; i++) {
        String me = "call " + i + " ";
        VoiceSession session = sessions.get(i);
        List<Message> messages = rig.conversations.messages(users.get(i), session.conversationId(), Optional.empty(),
            100).items();
        List<String> expected = new ArrayList<>();
        for (int t = 0; t < TURNS; t++) {
          expected.add(me + "user turn " + t);
          expected.add(me + "coach turn " + t);
        }
        assertThat(messages).extracting(Message::content).as("messages of call %d", i).containsExactlyElementsOf(expected);
        assertThat(messages).allSatisfy(m -> assertThat(m.voiceSessionId()).contains(session.id()));

        List<VoiceCallEvent> events = listeners.get(i).events();
        assertThat(events).allSatisfy(e -> assertThat(e.sessionId()).isEqualTo(session.id()));
        List<String> transcripts = events.stream()
            .filter(e -> e instanceof VoiceCallEvent.UserTranscript || e instanceof VoiceCallEvent.AssistantTranscript)
            .map(e -> e instanceof VoiceCallEvent.UserTranscript ? ((VoiceCallEvent.UserTranscript) e).text()
                : ((VoiceCallEvent.AssistantTranscript) e).text())
            .collect(Collectors.toList());
        assertThat(transcripts).isNotEmpty().allSatisfy(text -> assertThat(text).startsWith(me));
        assertThat(events.stream().filter(e -> e.kind() == VoiceCallEvent.Kind.SESSION_ENDED).count()).isEqualTo(1);

        VoiceSession stored = rig.sessions.find(users.get(i), session.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(VoiceSessionStatus.ENDED);
        assertThat(stored.tokensIn()).isEqualTo(10L * TURNS);
        assertThat(stored.audioSecondsOut()).isEqualTo(0.1 * TURNS, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rig.ledger.entriesOf(users.get(i))).allSatisfy(
            entry -> assertThat(entry.voiceSessionId()).contains(session.id()));
      }
      assertThat(rig.engine.liveCalls()).isZero();
    } finally {
      drivers.shutdownNow();
      callWork.shutdownNow();
    }
  }
}
