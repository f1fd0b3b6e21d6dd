package dev.coachkit.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.domain.usage.UsageLimits;
import dev.coachkit.ports.in.voice.EndVoiceSessionCommand;
import dev.coachkit.ports.in.voice.EndVoiceSessionResult;
import dev.coachkit.ports.in.voice.GetVoiceSessionQuery;
import dev.coachkit.ports.in.voice.IssueRealtimeTokenCommand;
import dev.coachkit.ports.in.voice.IssueRealtimeTokenResult;
import dev.coachkit.ports.in.voice.RegisterVoiceCallCommand;
import dev.coachkit.ports.in.voice.RegisterVoiceCallResult;
import dev.coachkit.ports.in.voice.StartVoiceSessionCommand;
import dev.coachkit.ports.in.voice.StartVoiceSessionResult;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.conversation.Channel;
import dev.coachkit.ports.model.conversation.Message;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.TokenUsage;
import dev.coachkit.ports.model.usage.UsageEntry;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.model.voice.VoiceTransport;
import dev.coachkit.ports.testing.FakeRealtimeModel;
import dev.coachkit.ports.testing.FakeRealtimeModel.Sent;
import dev.coachkit.ports.testing.FakeRealtimeTokenIssuer;
import dev.coachkit.ports.testing.TestIds;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VoiceSessionServicesTest {

  // ---- start

  @Test
  void givenProfile_startRelay_createdWithProfileDefaultsAndNewConversationNoToken() {
    VoiceRig rig = new VoiceRig();

    StartVoiceSessionResult result = rig.start.start(VoiceRig.startCommand(rig.ana, VoiceTransport.RELAY));

    assertThat(result).isInstanceOfSatisfying(StartVoiceSessionResult.Started.class, started -> {
      VoiceSession s = started.session();
      assertThat(s.status()).isEqualTo(VoiceSessionStatus.CREATED);
      assertThat(s.persona()).isEqualTo(Persona.FITNESS_COACH);
      assertThat(s.language().getLanguage()).isEqualTo("es");
      assertThat(s.voice()).isEqualTo("marin");
      assertThat(s.expiresAt()).isEqualTo(rig.clock.instant().plus(Duration.ofMinutes(30)));
      assertThat(started.token()).isEmpty();
      assertThat(rig.conversations.find(rig.ana, s.conversationId()))
          .hasValueSatisfying(c -> assertThat(c.title()).contains("Llamada de voz"));
    });
  }

  @Test
  void givenExplicitChoices_start_requestWinsOverProfile() {
    VoiceRig rig = new VoiceRig();

    StartVoiceSessionResult result = rig.start.start(new StartVoiceSessionCommand(rig.ana, Optional.of("cedar"),
        Optional.of(Persona.WELLNESS_COUNSELLOR), Optional.of(Locale.ENGLISH), VoiceTransport.RELAY,
        Optional.empty()));

    VoiceSession s = ((StartVoiceSessionResult.Started) result).session();
    assertThat(s.voice()).isEqualTo("cedar");
    assertThat(s.persona()).isEqualTo(Persona.WELLNESS_COUNSELLOR);
    assertThat(s.language()).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void givenWebRtc_start_issuesEphemeralTokenConfiguredForTheCall() {
    VoiceRig rig = new VoiceRig();

    StartVoiceSessionResult result = rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.WEBRTC));

    assertThat(result).isInstanceOfSatisfying(StartVoiceSessionResult.Started.class, started -> {
      assertThat(started.token()).hasValueSatisfying(token -> {
        assertThat(token.value()).startsWith("ek_test_");
        assertThat(token.callUrl()).isEqualTo(FakeRealtimeTokenIssuer.CALL_URL);
        assertThat(token.expiresAt()).isEqualTo(rig.clock.instant().plus(Duration.ofMinutes(10)));
      });
    });
    assertThat(rig.tokens.issuedFor()).singleElement().satisfies(config -> {
      assertThat(config.instructions()).contains("This is a voice call").contains("Name: Bob");
      assertThat(config.tools()).isNotEmpty();
      assertThat(config.model()).isEqualTo("gpt-realtime");
    });
  }

  @Test
  void givenTokenIssuerDown_startWebRtc_refusedAndSessionFailedSoTheSlotIsFree() {
    VoiceRig rig = new VoiceRig();
    rig.tokens.failWith(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "openai", "down"));

    StartVoiceSessionResult result = rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.WEBRTC));

    assertThat(result).isInstanceOfSatisfying(StartVoiceSessionResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE));
    assertThat(rig.sessions.list(rig.bob)).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(VoiceSessionStatus.FAILED));
    rig.tokens.failWith(null);
    assertThat(rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.WEBRTC)))
        .isInstanceOf(StartVoiceSessionResult.Started.class);
  }

  @Test
  void givenOpenSession_startAnother_refusedOneActivePerUser() {
    VoiceRig rig = new VoiceRig();
    rig.startSession(rig.bob, VoiceTransport.RELAY);

    StartVoiceSessionResult second = rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.RELAY));

    assertThat(second).isInstanceOfSatisfying(StartVoiceSessionResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.VOICE_SESSION_ACTIVE));
    assertThat(rig.sessions.openSessions(rig.bob)).hasSize(1);
    assertThat(rig.start.start(VoiceRig.startCommand(rig.ana, VoiceTransport.RELAY)))
        .isInstanceOf(StartVoiceSessionResult.Started.class);
  }

  @Test
  void givenTwoAllowed_startThree_thirdRefused() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().maxOpenPerUser(2).build());
    rig.startSession(rig.bob, VoiceTransport.RELAY);
    rig.startSession(rig.bob, VoiceTransport.RELAY);

    assertThat(rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.RELAY)))
        .isInstanceOf(StartVoiceSessionResult.Refused.class);
  }

  @Test
  void givenLiveCall_startAnother_refusedEvenWhenQuiet() {
    VoiceRig rig = new VoiceRig(VoiceSettings.builder().idleTimeout(Duration.ofSeconds(30))
        .tickInterval(Duration.ofMinutes(10)).build());
    rig.call(rig.bob);
    rig.clock.advance(Duration.ofMinutes(1)); // idle in the store, but the call is live here

    assertThat(rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.RELAY)))
        .isInstanceOf(StartVoiceSessionResult.Refused.class);
  }

  @Test
  void givenStaleNeverConnectedSession_start_expiresItAndStartsNewOne() {
    VoiceRig rig = new VoiceRig();
    VoiceSession abandoned = rig.startSession(rig.bob, VoiceTransport.RELAY);
    rig.clock.advance(Duration.ofMinutes(4)); // past the idle timeout, never connected

    StartVoiceSessionResult result = rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.RELAY));

    assertThat(result).isInstanceOf(StartVoiceSessionResult.Started.class);
    assertThat(rig.sessions.find(rig.bob, abandoned.id()))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(VoiceSessionStatus.EXPIRED));
  }

  @Test
  void givenBudgetUsedUp_start_refusedAndNothingCreated() {
    TokenUsage usage = new TokenUsage(1_000, 0, 500, 0, 0);
    long cost = PriceTable.costMicros(VoiceRig.PRICE, usage);
    VoiceRig rig = new VoiceRig(VoiceSettings.defaults(), new UsageLimits(cost, 100, ZoneId.of("UTC")), Runnable::run);
    rig.ledger.record(new UsageEntry(TestIds.usageEntry(), rig.bob, Optional.empty(), Optional.empty(),
        VoiceRig.MODEL, usage, 0, 0, cost, rig.clock.instant()));

    StartVoiceSessionResult result = rig.start.start(VoiceRig.startCommand(rig.bob, VoiceTransport.RELAY));

    assertThat(result).isInstanceOfSatisfying(StartVoiceSessionResult.Refused.class, r -> {
      assertThat(r.refusal().reason()).isEqualTo(RefusalReason.BUDGET_EXCEEDED);
      assertThat(r.refusal().retryAfter()).isPresent();
    });
    assertThat(rig.sessions.list(rig.bob)).isEmpty();
  }

  @Test
  void givenAnotherUsersConversation_start_notFound() {
    VoiceRig rig = new VoiceRig();
    VoiceSession anas = rig.startSession(rig.ana, VoiceTransport.RELAY);

    StartVoiceSessionResult result = rig.start.start(new StartVoiceSessionCommand(rig.bob, Optional.empty(),
        Optional.empty(), Optional.empty(), VoiceTransport.RELAY, Optional.of(anas.conversationId())));

    assertThat(result).isInstanceOfSatisfying(StartVoiceSessionResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND));
  }

  @Test
  void givenExistingConversation_startAndTalk_voiceTurnsJoinThatConversation() {
    VoiceRig rig = new VoiceRig();
    VoiceSession first = rig.startSession(rig.bob, VoiceTransport.RELAY);
    rig.end.end(new EndVoiceSessionCommand(rig.bob, first.id(), VoiceEndReason.USER_ENDED));

    StartVoiceSessionResult result = rig.start.start(new StartVoiceSessionCommand(rig.bob, Optional.empty(),
        Optional.empty(), Optional.empty(), VoiceTransport.RELAY, Optional.of(first.conversationId())));

    assertThat(((StartVoiceSessionResult.Started) result).session().conversationId())
        .isEqualTo(first.conversationId());
  }

  // ---- end and get

  @Test
  void givenSessionNotLiveHere_end_storedAsEndedAndEndingAgainIsHarmless() {
    VoiceRig rig = new VoiceRig();
    VoiceSession s = rig.startSession(rig.bob, VoiceTransport.RELAY);

    EndVoiceSessionResult first = rig.end.end(new EndVoiceSessionCommand(rig.bob, s.id(), VoiceEndReason.USER_ENDED));
    EndVoiceSessionResult again = rig.end.end(new EndVoiceSessionCommand(rig.bob, s.id(), VoiceEndReason.IDLE_TIMEOUT));

    assertThat(first).isInstanceOfSatisfying(EndVoiceSessionResult.Ended.class, e -> {
      assertThat(e.session().status()).isEqualTo(VoiceSessionStatus.ENDED);
      assertThat(e.session().endReason()).contains(VoiceEndReason.USER_ENDED);
    });
    assertThat(again).isEqualTo(first);
    assertThat(rig.get.get(new GetVoiceSessionQuery(rig.bob, s.id())))
        .hasValueSatisfying(stored -> assertThat(stored.endReason()).contains(VoiceEndReason.USER_ENDED));
  }

  @Test
  void givenAnotherUsersSession_endOrGet_notFound() {
    VoiceRig rig = new VoiceRig();
    VoiceSession s = rig.startSession(rig.bob, VoiceTransport.RELAY);

    assertThat(rig.end.end(new EndVoiceSessionCommand(rig.ana, s.id(), VoiceEndReason.USER_ENDED)))
        .isInstanceOfSatisfying(EndVoiceSessionResult.Refused.class,
            r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND));
    assertThat(rig.get.get(new GetVoiceSessionQuery(rig.ana, s.id()))).isEmpty();
    assertThat(rig.sessions.find(rig.bob, s.id()).orElseThrow().isOpen()).isTrue();
  }

  // ---- tokens

  @Test
  void givenOpenWebRtcSession_issueToken_freshTokenForTheSession() {
    VoiceRig rig = new VoiceRig();
    VoiceSession s = rig.startSession(rig.bob, VoiceTransport.WEBRTC);

    IssueRealtimeTokenResult result = rig.issueToken.issue(new IssueRealtimeTokenCommand(rig.bob, s.id()));

    assertThat(result).isInstanceOfSatisfying(IssueRealtimeTokenResult.Issued.class,
        issued -> assertThat(issued.token().value()).isEqualTo("ek_test_2"));
  }

  @Test
  void givenRelayEndedOrForeignSession_issueToken_refused() {
    VoiceRig rig = new VoiceRig();
    VoiceSession relay = rig.startSession(rig.bob, VoiceTransport.RELAY);
    VoiceSession webrtc = rig.startSession(rig.ana, VoiceTransport.WEBRTC);

    assertThat(rig.issueToken.issue(new IssueRealtimeTokenCommand(rig.bob, relay.id())))
        .isInstanceOfSatisfying(IssueRealtimeTokenResult.Refused.class,
            r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.INVALID_REQUEST));
    assertThat(rig.issueToken.issue(new IssueRealtimeTokenCommand(rig.bob, webrtc.id())))
        .isInstanceOfSatisfying(IssueRealtimeTokenResult.Refused.class,
            r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.NOT_FOUND));
    rig.end.end(new EndVoiceSessionCommand(rig.ana, webrtc.id(), VoiceEndReason.USER_ENDED));
    assertThat(rig.issueToken.issue(new IssueRealtimeTokenCommand(rig.ana, webrtc.id())))
        .isInstanceOfSatisfying(IssueRealtimeTokenResult.Refused.class,
            r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.INVALID_STATE));
  }

  // ---- WebRTC sideband

  @Test
  void givenWebRtcSession_registerCall_attachesGreetsRunsAndStoresTheCall() {
    VoiceRig rig = new VoiceRig();
    VoiceSession s = rig.startSession(rig.ana, VoiceTransport.WEBRTC);

    RegisterVoiceCallResult result = rig.register.register(new RegisterVoiceCallCommand(rig.ana, s.id(), "rtc_123"));

    assertThat(result).isInstanceOfSatisfying(RegisterVoiceCallResult.Registered.class, r -> {
      assertThat(r.session().callId()).contains("rtc_123");
      assertThat(r.session().status()).isEqualTo(VoiceSessionStatus.ACTIVE);
    });
    FakeRealtimeModel.Connection sideband = rig.model.lastConnection();
    assertThat(sideband.callId()).contains("rtc_123");
    assertThat(sideband.sent().get(0)).isInstanceOfSatisfying(Sent.CreateResponse.class,
        greet -> assertThat(greet.instructions()).hasValueSatisfying(i -> assertThat(i).contains("¡Hola, Ana!")));

    sideband.push(rig.delta("resp_1", "item_a1", "¡Hola, Ana!"));
    sideband.push(rig.assistantFinal("resp_1", "item_a1", "¡Hola, Ana! ¿Cómo estás?"));
    sideband.push(rig.done("resp_1", new TokenUsage(100, 0, 50, 80, 40)));
    rig.userTurn(sideband, "item_u1", "Bien, gracias.");

    List<Message> messages = rig.conversations.messages(rig.ana, s.conversationId(), Optional.empty(), 100).items();
    assertThat(messages).extracting(Message::content).containsExactly("¡Hola, Ana! ¿Cómo estás?", "Bien, gracias.");
    assertThat(messages).allSatisfy(m -> assertThat(m.channel()).isEqualTo(Channel.VOICE));
    assertThat(rig.ledger.summarizeSession(rig.ana, s.id()).tokens().inputTokens()).isEqualTo(100);
    assertThat(sideband.sent()).noneMatch(x -> x instanceof Sent.Truncate);

    sideband.push(new dev.coachkit.ports.model.realtime.RealtimeEvent.Closed("call ended", false,
        rig.clock.instant()));
    assertThat(rig.sessions.find(rig.ana, s.id()))
        .hasValueSatisfying(stored -> assertThat(stored.status()).isEqualTo(VoiceSessionStatus.ENDED));
  }

  @Test
  void givenRelaySession_registerCall_refused() {
    VoiceRig rig = new VoiceRig();
    VoiceSession s = rig.startSession(rig.bob, VoiceTransport.RELAY);

    assertThat(rig.register.register(new RegisterVoiceCallCommand(rig.bob, s.id(), "rtc_1")))
        .isInstanceOfSatisfying(RegisterVoiceCallResult.Refused.class,
            r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.INVALID_REQUEST));
    assertThat(rig.model.connections()).isEmpty();
  }

  @Test
  void givenAttachFails_registerCall_refusedAndSessionFailed() {
    VoiceRig rig = new VoiceRig();
    VoiceSession s = rig.startSession(rig.bob, VoiceTransport.WEBRTC);
    rig.model.failNextOpen(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "openai", "no such call"));

    RegisterVoiceCallResult result = rig.register.register(new RegisterVoiceCallCommand(rig.bob, s.id(), "rtc_1"));

    assertThat(result).isInstanceOfSatisfying(RegisterVoiceCallResult.Refused.class,
        r -> assertThat(r.refusal().reason()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE));
    assertThat(rig.sessions.find(rig.bob, s.id()))
        .hasValueSatisfying(stored -> assertThat(stored.status()).isEqualTo(VoiceSessionStatus.FAILED));
  }
}
