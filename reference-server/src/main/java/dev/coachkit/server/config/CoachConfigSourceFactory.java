package dev.coachkit.server.config;

import dev.coachkit.server.auth.LocalIssuerKeys;
import dev.coachkit.server.db.EmbeddedDatabase;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Runs while Quarkus builds its runtime configuration, before the datasource and OIDC read theirs: decides the
 * {@link RuntimeSetup}, starts the embedded PostgreSQL and creates the local issuer's keys when needed, and
 * contributes the resulting {@code quarkus.datasource.*} and {@code quarkus.oidc.*} values.
 */
public class CoachConfigSourceFactory implements ConfigSourceFactory {

  /** Above application.properties (250) so COACH_DB_URL wins, below system properties and the environment. */
  static final int ORDINAL = 275;
  static final String NAME = "coachkit-runtime-setup";

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    if (duringBuild()) {
      return List.of();
    }
    RuntimeSetup setup = RuntimeSetup.decide(name -> read(context, name), context.getProfiles(),
        Path.of(System.getProperty("user.home")));
    Map<String, String> properties = new HashMap<>(setup.properties());
    if (setup.databaseMode() == RuntimeSetup.DatabaseMode.EMBEDDED) {
      String jdbcUrl = EmbeddedDatabase.startShared(RuntimeSetup.embeddedDatabaseDirectory(setup.dataDir()));
      properties.put("quarkus.datasource.jdbc.url", jdbcUrl);
      properties.put("quarkus.datasource.username", EmbeddedDatabase.USER);
      properties.put("quarkus.datasource.password", "");
    }
    if (setup.authMode() == RuntimeSetup.AuthMode.LOCAL) {
      LocalIssuerKeys keys = LocalIssuerKeys.loadOrCreate(RuntimeSetup.issuerKeyDirectory(setup.dataDir()));
      properties.put("quarkus.oidc.public-key", keys.publicKeyBase64());
    }
    return List.of(new PropertiesConfigSource(properties, NAME, ORDINAL));
  }

  @Override
  public OptionalInt getPriority() {
    return OptionalInt.of(ORDINAL);
  }

  /**
   * Quarkus also builds a configuration while it augments the application (at build time, in the prod
   * profile); nothing may start then, and build-time values must not depend on this machine.
   */
  static boolean duringBuild() {
    return StackWalker.getInstance().walk(frames -> frames.anyMatch(
        f -> f.getClassName().equals("io.quarkus.deployment.configuration.BuildTimeConfigurationReader")));
  }

  private static Optional<String> read(ConfigSourceContext context, String name) {
    try {
      ConfigValue value = context.getValue(name);
      return value == null ? Optional.empty() : Optional.ofNullable(value.getValue());
    } catch (RuntimeException e) {
      // an unresolvable expression counts as not configured
      return Optional.empty();
    }
  }
}
