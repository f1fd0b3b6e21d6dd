package dev.coachkit.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIssuerKeysTest {

  @TempDir
  Path dir;

  @Test
  void givenNoKeys_loadOrCreate_generatesAPairWithAnOwnerOnlyPrivateKey() throws Exception {
    LocalIssuerKeys keys = LocalIssuerKeys.loadOrCreate(dir.resolve("issuer"));

    assertThat(keys.publicKey().getModulus().bitLength()).isEqualTo(2048);
    Path privateFile = dir.resolve("issuer").resolve(LocalIssuerKeys.PRIVATE_KEY_FILE);
    assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile))).isEqualTo("rw-------");
  }

  @Test
  void givenExistingKeys_loadOrCreate_returnsTheSamePairAfterARestart() {
    LocalIssuerKeys first = LocalIssuerKeys.loadOrCreate(dir);
    LocalIssuerKeys second = LocalIssuerKeys.loadOrCreate(dir);

    assertThat(second.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
    assertThat(second.privateKey().getEncoded()).isEqualTo(first.privateKey().getEncoded());
  }
}
