package dev.coachkit.server;

import dev.coachkit.server.config.RuntimeSetup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/** Logs one line at startup saying which database, auth mode and model provider the server uses. */
class StartupBanner {

  private static final Logger LOG = Logger.getLogger("dev.coachkit");

  private final Config config;

  @Inject
  StartupBanner(Config config) {
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    LOG.info(line(config));
  }

  static String line(Config config) {
    String database = "embedded".equals(value(config, RuntimeSetup.DATABASE_MODE).orElse(""))
        ? "embedded PostgreSQL at " + value(config, RuntimeSetup.DATABASE_LOCATION).orElse("?")
        : "external PostgreSQL " + value(config, RuntimeSetup.DATABASE_LOCATION).orElse("?");
    String auth;
    if ("local".equals(value(config, RuntimeSetup.AUTH_MODE).orElse(""))) {
      Path keys = RuntimeSetup.issuerKeyDirectory(Path.of(value(config, RuntimeSetup.DATA_DIR).orElse("?")));
      boolean production = config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod");
      auth = "local issuer (keys in " + keys + (production
          ? "; token minting is off in the prod profile: set COACH_OIDC_ISSUER)"
          : "; mint tokens with POST /local/tokens)");
    } else {
      auth = "OIDC issuer " + value(config, RuntimeSetup.AUTH_ISSUER).orElse("?")
          + value(config, "quarkus.oidc.token.audience").map(a -> " (access tokens for " + a + ")")
              .orElse(" (token audience NOT checked: set COACH_OIDC_AUDIENCE)")
          + value(config, RuntimeSetup.WEB_CLIENT_ID).map(c -> ", web sign-in as client " + c)
              .orElse(", web sign-in off: set COACH_OIDC_CLIENT_ID");
    }
    return "CoachKit ready: database " + database + "; auth " + auth + "; " + modelProvider(config);
  }

  static String modelProvider(Config config) {
    Optional<String> apiKey = value(config, "coach.openai.api-key");
    if (apiKey.isEmpty()) {
      return "no model provider configured: set COACH_OPENAI_API_KEY";
    }
    String provider = value(config, "coach.openai.provider").orElse("openai");
    String baseUrl = value(config, "coach.openai.base-url").orElse("https://api.openai.com/v1");
    return "model provider " + provider + " at " + baseUrl;
  }

  private static Optional<String> value(Config config, String name) {
    return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
  }
}
