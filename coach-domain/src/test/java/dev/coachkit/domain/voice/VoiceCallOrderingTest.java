package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.voice.VoiceCallEvent;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.testing.FakeRealtimeModel.Sent;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Audio frames run at once on the thread that delivers them when the call is idle, and otherwise wait their turn
 * behind the call's other work: the order against control messages and upstream events holds either way.
 */
class VoiceCallOrderingTest {
  private final GateExecutor gate = new GateExecutor();
  private final VoiceRig rig = new VoiceRig(VoiceSettings.defaults(),
      new UsageLimits(1_000_000, 1_000, ZoneId.of("UTC")), gate);
  private final VoiceRig.Call c = rig.call(rig.bob);

  private List<Class<?>> sentOfKind(int from, Class<?>... kinds) {
    List<Sent> sent = c.upstream.sent();
    return sent.subList(from, sent.size()).stream().map(Object::getClass)
        .filter(k -> List.of(kinds).contains(k)).collect(Collectors.toList());
  }

  @Test
  void givenIdleCall_sendAudio_goesUpstreamAtOnceWithoutTheExecutor() {
    gate.close();
    int before = c.upstream.sent().size();

    c.call.sendAudio(VoiceRig.pcm(20));

    assertThat(sentOfKind(before, Sent.Audio.class)).hasSize(1);
    assertThat(gate.held()).isZero();
  }

  @Test
  void givenStartRecordingNotYetRun_sendAudio_goesUpstreamAfterTheClear() {
    gate.close();
    int before = c.upstream.sent().size();

    c.call.startRecording();
    c.call.sendAudio(VoiceRig.pcm(20));

    assertThat(sentOfKind(before, Sent.ClearAudio.class, Sent.Audio.class)).isEmpty();
    gate.open();
    assertThat(sentOfKind(before, Sent.ClearAudio.class, Sent.Audio.class))
        .containsExactly(Sent.ClearAudio.class, Sent.Audio.class);
  }

  @Test
  void givenEndNotYetRun_sendAudio_isNotSentUpstream() {
    gate.close();
    int before = c.upstream.sent().size();

    c.call.end();
    c.call.sendAudio(VoiceRig.pcm(20));
    gate.open();

    assertThat(sentOfKind(before, Sent.Audio.class)).isEmpty();
    assertThat(c.events.last().kind()).isEqualTo(VoiceCallEvent.Kind.SESSION_ENDED);
  }

  @Test
  void givenIdleCall_upstreamAudio_reachesTheClientAtOnceWithoutTheExecutor() {
    gate.close();

    c.upstream.push(rig.audio("r1", "a1", 20));

    assertThat(c.events.of(VoiceCallEvent.AssistantAudio.class)).hasSize(1);
    assertThat(gate.held()).isZero();
  }

  @Test
  void givenSpeechStartedNotYetHandled_upstreamAudio_reachesTheClientAfterIt() {
    gate.close();

    c.upstream.push(rig.speechStarted("u1"));
    c.upstream.push(rig.audio("r1", "a1", 20));

    assertThat(c.events.of(VoiceCallEvent.AssistantAudio.class)).isEmpty();
    gate.open();
    List<VoiceCallEvent.Kind> kinds = c.events.kinds().stream()
        .filter(k -> k == VoiceCallEvent.Kind.SPEECH_STARTED || k == VoiceCallEvent.Kind.ASSISTANT_AUDIO)
        .collect(Collectors.toList());
    assertThat(kinds).containsExactly(VoiceCallEvent.Kind.SPEECH_STARTED, VoiceCallEvent.Kind.ASSISTANT_AUDIO);
  }

  @Test
  void givenEarlierItemToStore_audioOfNextItem_waitsForTheExecutorAndTheEarlierItemIsStoredFirst() {
    c.upstream.push(rig.delta("r1", "a1", "Hello"));
    c.upstream.push(rig.audio("r1", "a1", 100));
    c.upstream.push(rig.assistantFinal("r1", "a1", "Hello there."));
    assertThat(c.messages()).isEmpty(); // its audio may still be playing
    gate.close();

    c.upstream.push(rig.audio("r1", "a2", 100));

    assertThat(c.events.of(VoiceCallEvent.AssistantAudio.class)).hasSize(1);
    assertThat(gate.held()).isEqualTo(1);
    gate.open();
    assertThat(c.messages()).extracting(Message::content).containsExactly("Hello there.");
    assertThat(c.events.of(VoiceCallEvent.AssistantAudio.class)).hasSize(2);
  }

  @Test
  void givenTickReadingTheStore_sendAudio_goesUpstreamWithoutWaitingForTheRead() {
    gate.close();
    int before = c.upstream.sent().size();
    rig.sessions.update(VoiceSessions.end(c.stored(), VoiceEndReason.SERVER_SHUTDOWN, rig.clock.instant()));

    rig.scheduler.advance(rig.settings.tickInterval()); // the tick's store read waits for the executor
    c.call.sendAudio(VoiceRig.pcm(20));

    assertThat(gate.held()).isEqualTo(1);
    assertThat(sentOfKind(before, Sent.Audio.class)).hasSize(1);
    gate.open(); // the read finds the session ended elsewhere: the call ends here too
    assertThat(c.events.last().kind()).isEqualTo(VoiceCallEvent.Kind.SESSION_ENDED);
  }
}
