package dev.coachkit.adapter.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.adapter.web.auth.LocalTokenResource.LocalTokenRefusal;
import dev.coachkit.adapter.web.auth.LocalTokenResource.LocalTokenRequest;
import dev.coachkit.adapter.web.auth.LocalTokenResource.LocalTokenResponse;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTokenResourceTest {

  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void givenLocalModeAndLoopbackCaller_mint_returnsTokenForThatUser() {
    RecordingMinter minter = new RecordingMinter(true);

    Response response = LocalTokenResource.mint(minter, new LocalTokenRequest("alice"), "127.0.0.1");

    assertThat(response.getStatus()).isEqualTo(200);
    LocalTokenResponse body = (LocalTokenResponse) response.getEntity();
    assertThat(body.accessToken()).isEqualTo("token-for-alice");
    assertThat(body.tokenType()).isEqualTo("Bearer");
    assertThat(body.expiresAt()).isEqualTo(EXPIRY);
    assertThat(minter.minted).containsExactly("alice");
  }

  @Test
  void givenNonLoopbackCaller_mint_isRefusedAndNothingIsSigned() {
    RecordingMinter minter = new RecordingMinter(true);

    Response response = LocalTokenResource.mint(minter, new LocalTokenRequest("alice"), "192.168.1.20");

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(((LocalTokenRefusal) response.getEntity()).error()).contains("loopback");
    assertThat(minter.minted).isEmpty();
  }

  @Test
  void givenMintingDisabled_mint_isRefusedWithTheReasonEvenFromLoopback() {
    RecordingMinter minter = new RecordingMinter(false);

    Response response = LocalTokenResource.mint(minter, new LocalTokenRequest("alice"), "127.0.0.1");

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(((LocalTokenRefusal) response.getEntity()).error()).isEqualTo("disabled for this test");
    assertThat(minter.minted).isEmpty();
  }

  @Test
  void givenNoMinterInTheApplication_mint_isRefused() {
    Response response = LocalTokenResource.mint(null, new LocalTokenRequest("alice"), "127.0.0.1");

    assertThat(response.getStatus()).isEqualTo(403);
  }

  private static final class RecordingMinter implements LocalTokenMinter {
    private final boolean enabled;
    private final List<String> minted = new ArrayList<>();

    RecordingMinter(boolean enabled) {
      this.enabled = enabled;
    }

    @Override
    public boolean enabled() {
      return enabled;
    }

    @Override
    public String disabledReason() {
      return "disabled for this test";
    }

    @Override
    public MintedToken mint(String user) {
      minted.add(user);
      return new MintedToken("token-for-" + user, EXPIRY);
    }
  }
}
