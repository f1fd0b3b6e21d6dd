package dev.coachkit.server.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the server runs with, decided from configuration before any extension starts: which database
 * (external, or embedded at a directory) and which authentication (an external OIDC issuer, or the local
 * issuer). Pure: it reads configuration through a lookup and starts nothing.
 */
public final class RuntimeSetup {

  /** Issuer claim of tokens signed by the local issuer. */
  public static final String LOCAL_ISSUER = "coachkit-local";
  /** Audience claim of tokens signed by the local issuer. */
  public static final String LOCAL_AUDIENCE = "coachkit";

  /** Set by the setup for the rest of the server to read: {@code embedded} or {@code external}. */
  public static final String DATABASE_MODE = "coach.runtime.database-mode";
  /** The embedded data directory, or the external JDBC URL (never with a password). */
  public static final String DATABASE_LOCATION = "coach.runtime.database-location";
  /** {@code local} or {@code oidc}. */
  public static final String AUTH_MODE = "coach.runtime.auth-mode";
  /** The issuer tokens must come from. */
  public static final String AUTH_ISSUER = "coach.runtime.auth-issuer";
  /** The web client's OIDC client id (defaults to {@code coach.oidc.client-id}, then {@code quarkus.oidc.client-id}). */
  public static final String WEB_CLIENT_ID = "coach.web.oidc.client-id";
  /** Absolute data directory. */
  public static final String DATA_DIR = "coach.runtime.data-dir";

  /** How the database is provided. */
  public enum DatabaseMode { EMBEDDED, EXTERNAL }

  /** How bearer tokens are verified. */
  public enum AuthMode { LOCAL, OIDC }

  private final Path dataDir;
  private final DatabaseMode databaseMode;
  private final String databaseLocation;
  private final AuthMode authMode;
  private final String authIssuer;
  private final Map<String, String> properties;

  private RuntimeSetup(Path dataDir, DatabaseMode databaseMode, String databaseLocation, AuthMode authMode,
      String authIssuer, Map<String, String> properties) {
    this.dataDir = dataDir;
    this.databaseMode = databaseMode;
    this.databaseLocation = databaseLocation;
    this.authMode = authMode;
    this.authIssuer = authIssuer;
    this.properties = Map.copyOf(properties);
  }

  /**
   * Decides the setup.
   *
   * @param config   reads a configuration value; blank values count as absent
   * @param profiles the active Quarkus profiles
   * @param userHome the directory the default data directory lives under
   * @throws IllegalStateException when the production profile has no database configured
   */
  public static RuntimeSetup decide(Function<String, Optional<String>> config, List<String> profiles, Path userHome) {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(profiles, "profiles must not be null");
    Function<String, Optional<String>> value = name -> config.apply(name).map(String::trim).filter(v -> !v.isEmpty());
    Map<String, String> provided = new LinkedHashMap<>();

    Path dataDir = value.apply("coach.data-dir").map(Path::of)
        .orElse(userHome.resolve(".coachkit").resolve("data")).toAbsolutePath().normalize();
    provided.put(DATA_DIR, dataDir.toString());

    DatabaseMode databaseMode;
    String databaseLocation;
    Optional<String> quarkusUrl = value.apply("quarkus.datasource.jdbc.url");
    Optional<String> coachUrl = value.apply("coach.db.url");
    if (quarkusUrl.isPresent()) {
      databaseMode = DatabaseMode.EXTERNAL;
      databaseLocation = withoutSecrets(quarkusUrl.get());
    } else if (coachUrl.isPresent()) {
      databaseMode = DatabaseMode.EXTERNAL;
      databaseLocation = withoutSecrets(coachUrl.get());
      provided.put("quarkus.datasource.jdbc.url", coachUrl.get());
      value.apply("coach.db.user").ifPresent(u -> provided.put("quarkus.datasource.username", u));
      value.apply("coach.db.password").ifPresent(p -> provided.put("quarkus.datasource.password", p));
    } else if (profiles.contains("prod")) {
      throw new IllegalStateException("No database configured. The production profile never starts the embedded"
          + " PostgreSQL: set COACH_DB_URL (e.g. jdbc:postgresql://db:5432/coachkit), COACH_DB_USER and"
          + " COACH_DB_PASSWORD, or the quarkus.datasource.* properties. To try CoachKit locally, use ./coachkit.");
    } else {
      databaseMode = DatabaseMode.EMBEDDED;
      databaseLocation = embeddedDatabaseDirectory(dataDir).toString();
    }
    provided.put(DATABASE_MODE, databaseMode.name().toLowerCase());
    provided.put(DATABASE_LOCATION, databaseLocation);

    AuthMode authMode;
    String issuer;
    Optional<String> quarkusIssuer = value.apply("quarkus.oidc.auth-server-url");
    Optional<String> coachIssuer = value.apply("coach.oidc.issuer");
    if (quarkusIssuer.isPresent()) {
      authMode = AuthMode.OIDC;
      issuer = quarkusIssuer.get();
    } else if (coachIssuer.isPresent()) {
      authMode = AuthMode.OIDC;
      issuer = coachIssuer.get();
      provided.put("quarkus.oidc.auth-server-url", issuer);
      value.apply("coach.oidc.client-id").ifPresent(c -> provided.put("quarkus.oidc.client-id", c));
      value.apply("coach.oidc.audience").ifPresent(a -> provided.put("quarkus.oidc.token.audience", a));
    } else {
      authMode = AuthMode.LOCAL;
      issuer = LOCAL_ISSUER;
      provided.put("quarkus.oidc.token.issuer", LOCAL_ISSUER);
      provided.put("quarkus.oidc.token.audience", LOCAL_AUDIENCE);
      // the public key itself is added by the config source factory once the key pair exists
    }
    if (authMode == AuthMode.OIDC && value.apply(WEB_CLIENT_ID).isEmpty()) {
      // One registration is enough for most setups: the browser signs in as the server's client unless told apart.
      value.apply("coach.oidc.client-id").or(() -> value.apply("quarkus.oidc.client-id"))
          .ifPresent(c -> provided.put(WEB_CLIENT_ID, c));
    }
    provided.put(AUTH_MODE, authMode.name().toLowerCase());
    provided.put(AUTH_ISSUER, issuer);

    return new RuntimeSetup(dataDir, databaseMode, databaseLocation, authMode, issuer, provided);
  }

  /** Where the embedded PostgreSQL keeps its cluster. */
  public static Path embeddedDatabaseDirectory(Path dataDir) {
    return dataDir.resolve("pg");
  }

  /** Where the local issuer keeps its key pair. */
  public static Path issuerKeyDirectory(Path dataDir) {
    return dataDir.resolve("issuer");
  }

  /** Drops a password or user-info from a JDBC URL so it can be logged. */
  static String withoutSecrets(String jdbcUrl) {
    String noQuery = jdbcUrl.replaceAll("(?i)([?&;])(password|pwd|sslpassword)=[^&;]*", "$1$2=***");
    return noQuery.replaceAll("//[^/@]*@", "//***@");
  }

  public Path dataDir() {
    return dataDir;
  }

  public DatabaseMode databaseMode() {
    return databaseMode;
  }

  public String databaseLocation() {
    return databaseLocation;
  }

  public AuthMode authMode() {
    return authMode;
  }

  public String authIssuer() {
    return authIssuer;
  }

  /** The configuration properties this setup contributes. */
  public Map<String, String> properties() {
    return properties;
  }
}
