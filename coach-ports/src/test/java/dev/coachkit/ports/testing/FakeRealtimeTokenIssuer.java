package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.realtime.EphemeralToken;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.out.realtime.RealtimeTokenIssuer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@link RealtimeTokenIssuer} fake: numbered tokens expiring after the ttl, configs recorded, failures on demand. */
public final class FakeRealtimeTokenIssuer implements RealtimeTokenIssuer {
  public static final URI CALL_URL = URI.create("https://realtime.test/v1/realtime/calls");

  private final Clock clock;
  private final List<RealtimeSessionConfig> configs = new ArrayList<>();
  private ModelFailure failure;

  public FakeRealtimeTokenIssuer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Every later issue throws this failure (null to stop failing). */
  public synchronized void failWith(ModelFailure failure) {
    this.failure = failure;
  }

  public synchronized List<RealtimeSessionConfig> issuedFor() {
    return List.copyOf(configs);
  }

  @Override
  public synchronized EphemeralToken issue(RealtimeSessionConfig config, Duration ttl) {
    if (failure != null) {
      throw failure;
    }
    configs.add(Objects.requireNonNull(config, "config"));
    return new EphemeralToken("ek_test_" + configs.size(), clock.instant().plus(ttl), CALL_URL);
  }
}
