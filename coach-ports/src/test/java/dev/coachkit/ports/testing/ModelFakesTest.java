package dev.coachkit.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.conversation.ToolCall;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.model.realtime.TurnDetection;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.out.model.ModelStreamListener;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ModelFakesTest {
  private static final ModelRequest REQUEST =
      new ModelRequest("Be a coach.", List.of(new ModelMessage.UserText("hi")), List.of(), Optional.empty(), 500);
  private static final RealtimeSessionConfig CONFIG = new RealtimeSessionConfig("gpt-realtime", "Be a coach.",
      "marin", new TurnDetection.SemanticVad(TurnDetection.Eagerness.AUTO), Optional.empty(), List.of(),
      Locale.ENGLISH);

  private final MutableClock clock = new MutableClock();

  /** Records stream callbacks as lines. */
  private static final class Recorder implements ModelStreamListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onDelta(String text) {
      events.add("delta:" + text);
    }

    @Override
    public void onToolCall(ToolCall call) {
      events.add("tool:" + call.name());
    }

    @Override
    public void onComplete(ModelReply reply) {
      events.add("complete:" + reply.finishReason());
    }

    @Override
    public void onError(ModelFailure failure) {
      events.add("error:" + failure.kind());
    }
  }

  @Test
  void givenScript_replyAndStream_followItInOrderAndCaptureRequests() {
    ScriptedCoachModel model = new ScriptedCoachModel()
        .thenToolCalls(new ToolCall("c1", "get_user_progress", JsonObject.EMPTY))
        .thenReply("Well done today")
        .thenDropAfter(List.of("Half "), new ModelFailure(ModelFailure.Kind.INTERRUPTED, "scripted", "dropped"));

    assertThat(model.reply(REQUEST).toolCalls()).extracting(ToolCall::name).containsExactly("get_user_progress");
    Recorder streamed = new Recorder();
    model.stream(REQUEST, streamed);
    Recorder dropped = new Recorder();
    model.stream(REQUEST, dropped);

    assertThat(streamed.events).containsExactly("delta:Well ", "delta:done ", "delta:today", "complete:STOP");
    assertThat(dropped.events).containsExactly("delta:Half ", "error:INTERRUPTED");
    assertThat(model.requests()).hasSize(3);
    assertThat(model.remaining()).isZero();
  }

  @Test
  void givenExhaustedScript_reply_throwsSoTheTestNotices() {
    assertThatThrownBy(() -> new ScriptedCoachModel().reply(REQUEST)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenScriptedFailure_reply_throwsIt() {
    ModelFailure failure = new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "scripted", "slow down",
        Optional.of(Duration.ofSeconds(3)), null);

    assertThatThrownBy(() -> new ScriptedCoachModel().thenFail(failure).reply(REQUEST)).isSameAs(failure);
  }

  @Test
  void givenOpenConnection_commandsAreRecordedAndPushedEventsReachTheListener() {
    FakeRealtimeModel model = new FakeRealtimeModel(clock);
    List<RealtimeEvent> received = new ArrayList<>();
    RealtimeConnection connection = model.open(CONFIG, received::add).toCompletableFuture().join();

    connection.sendAudio(new byte[] {1, 2});
    connection.createResponse("Greet Ana.");
    connection.truncate("item_1", 0, 1_500);
    model.lastConnection().push(new RealtimeEvent.SpeechStarted("item_2", 10, clock.instant()));
    connection.close();
    connection.sendText("ignored after close");

    assertThat(model.lastConnection().sent()).containsExactly(
        new FakeRealtimeModel.Sent.Audio(new byte[] {1, 2}),
        new FakeRealtimeModel.Sent.CreateResponse(Optional.of("Greet Ana.")),
        new FakeRealtimeModel.Sent.Truncate("item_1", 0, 1_500),
        new FakeRealtimeModel.Sent.Close());
    assertThat(received).extracting(RealtimeEvent::kind)
        .containsExactly(RealtimeEvent.Kind.SPEECH_STARTED, RealtimeEvent.Kind.CLOSED);
  }

  @Test
  void givenFailNextOpen_open_completesExceptionallyOnce() {
    FakeRealtimeModel model = new FakeRealtimeModel(clock);
    model.failNextOpen(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "fake", "down"));

    assertThatThrownBy(() -> model.open(CONFIG, e -> {}).toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ModelFailure.class);
    assertThat(model.attach("call_1", CONFIG, e -> {}).toCompletableFuture().join()).isNotNull();
    assertThat(model.lastConnection().callId()).contains("call_1");
  }

  @Test
  void givenTtl_issue_returnsATokenExpiringThenAndRecordsTheConfig() {
    FakeRealtimeTokenIssuer issuer = new FakeRealtimeTokenIssuer(clock);

    var token = issuer.issue(CONFIG, Duration.ofMinutes(1));

    assertThat(token.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(token.value()).isEqualTo("ek_test_1");
    assertThat(issuer.issuedFor()).containsExactly(CONFIG);
  }

  @Test
  void givenAvatarCalls_calls_listThemInOrder() {
    RecordingAvatarOutput avatar = new RecordingAvatarOutput();
    VoiceSessionId id = VoiceSessionId.of(UUID.fromString("00000000-0000-0000-0000-000000000001"));

    avatar.speak(id, "Hi Ana!");
    avatar.interrupt(id);

    assertThat(avatar.calls()).containsExactly("speak " + id + ": Hi Ana!", "interrupt " + id);
  }

  @Test
  void givenMutableClock_advance_movesItAndItsZonedViews() {
    var zoned = clock.withZone(java.time.ZoneId.of("Europe/Madrid"));

    clock.advance(Duration.ofMinutes(5));

    assertThat(clock.instant()).isEqualTo(MutableClock.DEFAULT_START.plus(Duration.ofMinutes(5)));
    assertThat(zoned.instant()).isEqualTo(clock.instant());
  }
}
