package dev.coachkit.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.adapter.web.auth.LocalTokenMinter.MintedToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssuerTokenMinterTest {

  private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir
  Path keys;

  @Test
  void givenLocalIssuerOutsideProduction_mint_signsTokenForTheUserWithTheStoredKey() throws Exception {
    LocalIssuerTokenMinter minter = new LocalIssuerTokenMinter(true, List.of("local"), keys, Duration.ofHours(1), CLOCK);

    MintedToken token = minter.mint("alice");

    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    String[] parts = token.accessToken().split("\\.");
    assertThat(parts).hasSize(3);
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains("\"sub\":\"alice\"").contains("\"iss\":\"coachkit-local\"")
        .contains("\"aud\":\"coachkit\"");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(LocalIssuerKeys.loadOrCreate(keys).publicKey());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void givenProductionProfile_enabled_isFalseAndMintIsRefused() {
    LocalIssuerTokenMinter minter = new LocalIssuerTokenMinter(true, List.of("prod"), keys, Duration.ofHours(1), CLOCK);

    assertThat(minter.enabled()).isFalse();
    assertThat(minter.disabledReason()).contains("production");
    assertThatThrownBy(() -> minter.mint("alice")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenExternalIssuer_enabled_isFalseInEveryProfile() {
    for (String profile : List.of("local", "dev", "test", "prod")) {
      assertThat(LocalIssuerTokenMinter.mintingAllowed(false, List.of(profile))).as(profile).isFalse();
    }
    LocalIssuerTokenMinter minter = new LocalIssuerTokenMinter(false, List.of("local"), keys, Duration.ofHours(1), CLOCK);
    assertThat(minter.disabledReason()).contains("external OIDC issuer");
  }

  @Test
  void givenLocalIssuer_mintingAllowed_onlyOutsideProduction() {
    assertThat(LocalIssuerTokenMinter.mintingAllowed(true, List.of("local"))).isTrue();
    assertThat(LocalIssuerTokenMinter.mintingAllowed(true, List.of("dev"))).isTrue();
    assertThat(LocalIssuerTokenMinter.mintingAllowed(true, List.of("test"))).isTrue();
    assertThat(LocalIssuerTokenMinter.mintingAllowed(true, List.of("prod"))).isFalse();
  }
}
