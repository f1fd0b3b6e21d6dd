package dev.coachkit.adapter.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "::1%lo"})
  void givenLoopbackLiteral_isLoopback_isTrue(String host) {
    assertThat(LoopbackAddresses.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.7", "192.168.1.20", "8.8.8.8", "0.0.0.0", "fe80::1", "2001:db8::1",
      "::ffff:10.0.0.1", "localhost", "evil.example", "127.0.0.1.evil.example", "not an address"})
  void givenRemoteOrNamedHost_isLoopback_isFalse(String host) {
    assertThat(LoopbackAddresses.isLoopback(host)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void givenNoPeerAddress_isLoopback_isFalse(String host) {
    assertThat(LoopbackAddresses.isLoopback(host)).isFalse();
  }
}
