package dev.coachkit.server.voice;

import dev.coachkit.adapter.openai.simulator.realtime.Pcm16;
import dev.coachkit.adapter.openai.simulator.realtime.RealtimeSimulator;
import dev.coachkit.adapter.openai.simulator.realtime.SimulatedSession;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileCommand;
import dev.coachkit.ports.in.coaching.UpsertCoachProfileUseCase;
import dev.coachkit.ports.model.common.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Users with profiles, the simulated upstream session of a user's call, and speech to stream. */
final class VoiceCallFixtures {
  private static volatile byte[] speech;

  private VoiceCallFixtures() {
  }

  /** A fresh user: a unique subject and a unique first name (the marker that finds their upstream session). */
  record Caller(String subject, String firstName, String token) {
    UserId userId() {
      return UserId.of(subject);
    }
  }

  static Caller caller(UpsertCoachProfileUseCase profiles, String prefix) {
    StringBuilder name = new StringBuilder(prefix);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      name.append((char) ('a' + r.nextInt(26)));
    }
    String firstName = name.toString();
    String subject = "voice-" + firstName.toLowerCase(Locale.ROOT);
    profiles.upsert(new UpsertCoachProfileCommand(UserId.of(subject), Optional.of(firstName), Optional.of(30),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), Optional.of(Locale.ENGLISH), Optional.empty(), Optional.empty(),
        Optional.empty(), false));
    return new Caller(subject, firstName, VoiceTestClient.mintToken(subject));
  }

  /** The newest upstream session whose instructions name this caller (a reconnect or continuation opens another). */
  static SimulatedSession upstreamOf(Caller caller, int nth, Duration timeout) {
    RealtimeSimulator sim = RealtimeSimulatorResource.simulator();
    return VoiceTestClient.poll(() -> {
      List<SimulatedSession> mine = sim.sessions().stream()
          .filter(s -> s.callId().isEmpty() && s.session().path("instructions").asText().contains(caller.firstName()))
          .toList();
      return mine.size() >= nth ? Optional.of(mine.get(nth - 1)) : Optional.empty();
    }, timeout, "upstream session #" + nth + " of " + caller.firstName());
  }

  /** Speech followed by a second of silence (so the simulator's VAD ends the turn). */
  static byte[] utterance() {
    byte[] s = speech;
    if (s == null) {
      s = SpeechPcm.speech();
      speech = s;
    }
    return Pcm16.concat(s, Pcm16.silence(1000));
  }
}
