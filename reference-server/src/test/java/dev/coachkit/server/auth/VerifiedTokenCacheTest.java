package dev.coachkit.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

  private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(NOW);

  private VerifiedTokenCache<String> cache(Duration ttl, int maxEntries) {
    return new VerifiedTokenCache<>(ttl, maxEntries, Optional.empty(), clock);
  }

  @Test
  void givenRememberedToken_find_returnsItsValueForThatExactTokenOnly() {
    VerifiedTokenCache<String> cache = cache(Duration.ofMinutes(1), 10);

    assertThat(cache.remember("token-a", "alice", NOW.plusSeconds(3600), Optional.empty())).isTrue();

    assertThat(cache.find("token-a")).contains("alice");
    assertThat(cache.find("token-a ")).isEmpty();
    assertThat(cache.find("token-b")).isEmpty();
  }

  @Test
  void givenTokenExpiringBeforeTheTtl_find_stopsAtTheTokensExpiry() {
    VerifiedTokenCache<String> cache = cache(Duration.ofMinutes(1), 10);
    cache.remember("token", "alice", NOW.plusSeconds(10), Optional.empty());

    clock.advance(Duration.ofSeconds(9));
    assertThat(cache.find("token")).contains("alice");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.find("token")).isEmpty();
    assertThat(cache.size()).isZero();
  }

  @Test
  void givenLongLivedToken_find_stopsAfterTheTtl() {
    VerifiedTokenCache<String> cache = cache(Duration.ofSeconds(30), 10);
    cache.remember("token", "alice", NOW.plus(Duration.ofHours(12)), Optional.empty());

    clock.advance(Duration.ofSeconds(29));
    assertThat(cache.find("token")).contains("alice");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.find("token")).isEmpty();
  }

  @Test
  void givenMaximumTokenAge_remember_stopsAtIssuedAtPlusThatAge() {
    VerifiedTokenCache<String> cache =
        new VerifiedTokenCache<>(Duration.ofMinutes(1), 10, Optional.of(Duration.ofMinutes(5)), clock);
    cache.remember("token", "alice", NOW.plus(Duration.ofHours(1)), Optional.of(NOW.minusSeconds(280)));

    clock.advance(Duration.ofSeconds(19));
    assertThat(cache.find("token")).contains("alice");
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.find("token")).isEmpty();
  }

  @Test
  void givenMaximumTokenAgeAndNoIssuedAt_remember_storesNothing() {
    VerifiedTokenCache<String> cache =
        new VerifiedTokenCache<>(Duration.ofMinutes(1), 10, Optional.of(Duration.ofMinutes(5)), clock);

    assertThat(cache.remember("token", "alice", NOW.plusSeconds(3600), Optional.empty())).isFalse();
    assertThat(cache.find("token")).isEmpty();
  }

  @Test
  void givenExpiredToken_remember_storesNothing() {
    VerifiedTokenCache<String> cache = cache(Duration.ofMinutes(1), 10);

    assertThat(cache.remember("token", "alice", NOW, Optional.empty())).isFalse();
    assertThat(cache.size()).isZero();
  }

  @Test
  void givenZeroTtl_cache_isOffAndStoresNothing() {
    VerifiedTokenCache<String> cache = cache(Duration.ZERO, 10);

    assertThat(cache.enabled()).isFalse();
    assertThat(cache.remember("token", "alice", NOW.plusSeconds(3600), Optional.empty())).isFalse();
    assertThat(cache.find("token")).isEmpty();
  }

  @Test
  void givenFullCache_remember_dropsExpiredEntriesFirstAndOtherwiseStoresNothing() {
    VerifiedTokenCache<String> cache = cache(Duration.ofMinutes(1), 2);
    cache.remember("short", "s", NOW.plusSeconds(5), Optional.empty());
    cache.remember("long", "l", NOW.plusSeconds(3600), Optional.empty());

    assertThat(cache.remember("third", "t", NOW.plusSeconds(3600), Optional.empty())).isFalse();
    assertThat(cache.find("third")).isEmpty();

    clock.advance(Duration.ofSeconds(5));
    assertThat(cache.remember("third", "t", NOW.plusSeconds(3600), Optional.empty())).isTrue();
    assertThat(cache.find("third")).contains("t");
    assertThat(cache.find("long")).contains("l");
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void givenBadSettings_constructor_refusesThem() {
    assertThatThrownBy(() -> cache(Duration.ofSeconds(-1), 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache(Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
