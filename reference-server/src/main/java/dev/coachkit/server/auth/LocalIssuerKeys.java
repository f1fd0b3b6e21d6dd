package dev.coachkit.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The local issuer's RSA key pair, kept as PEM files beside the data so tokens stay valid across restarts.
 * Generated on first use; the private key file is readable by its owner only.
 */
public final class LocalIssuerKeys {

  static final String PRIVATE_KEY_FILE = "private-key.pem";
  static final String PUBLIC_KEY_FILE = "public-key.pem";

  private final RSAPrivateKey privateKey;
  private final RSAPublicKey publicKey;

  private LocalIssuerKeys(RSAPrivateKey privateKey, RSAPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** Reads the key pair from {@code directory}, generating it first if absent. */
  public static synchronized LocalIssuerKeys loadOrCreate(Path directory) {
    Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
    Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
    try {
      if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
        generate(directory, privateFile, publicFile);
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
          new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
          new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY")));
      return new LocalIssuerKeys(privateKey, publicKey);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("Could not read or create the local issuer key pair in " + directory
          + ": " + e.getMessage() + ". Delete both key files to generate a new pair (tokens already minted then"
          + " stop working).", e);
    }
  }

  public RSAPrivateKey privateKey() {
    return privateKey;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /** The public key as base64 DER (the PEM body), the form {@code quarkus.oidc.public-key} takes. */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  private static void generate(Path directory, Path privateFile, Path publicFile)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    writeOwnerOnly(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
  }

  private static void writeOwnerOnly(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      // another process created it between the delete and the create; overwrite below
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static byte[] readPem(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException(file + " is not a PEM " + type);
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }
}
