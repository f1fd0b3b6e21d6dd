package dev.coachkit.server.auth;

import dev.coachkit.adapter.web.auth.LocalTokenMinter;
import dev.coachkit.server.config.RuntimeSetup;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/** Signs tokens with the local issuer's key, when the server runs its own issuer outside production. */
@ApplicationScoped
public class LocalIssuerTokenMinter implements LocalTokenMinter {

  private final boolean localIssuer;
  private final List<String> profiles;
  private final Path keyDirectory;
  private final Duration ttl;
  private final Clock clock;
  private volatile LocalIssuerKeys keys;

  @Inject
  LocalIssuerTokenMinter(Config config) {
    this(
        RuntimeSetup.AuthMode.LOCAL.name().equalsIgnoreCase(
            config.getOptionalValue(RuntimeSetup.AUTH_MODE, String.class).orElse("")),
        config.unwrap(SmallRyeConfig.class).getProfiles(),
        RuntimeSetup.issuerKeyDirectory(Path.of(config.getValue(RuntimeSetup.DATA_DIR, String.class))),
        config.getOptionalValue("coach.auth.local.token-ttl", Duration.class).orElse(Duration.ofHours(12)),
        Clock.systemUTC());
  }

  LocalIssuerTokenMinter(boolean localIssuer, List<String> profiles, Path keyDirectory, Duration ttl, Clock clock) {
    this.localIssuer = localIssuer;
    this.profiles = List.copyOf(profiles);
    this.keyDirectory = keyDirectory;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Minting needs the local issuer, and is never offered in the production profile. */
  static boolean mintingAllowed(boolean localIssuer, List<String> profiles) {
    return localIssuer && !profiles.contains("prod");
  }

  @Override
  public boolean enabled() {
    return mintingAllowed(localIssuer, profiles);
  }

  @Override
  public String disabledReason() {
    if (!localIssuer) {
      return "local token minting is off: an external OIDC issuer is configured, get tokens from it";
    }
    return "local token minting is off in the production profile";
  }

  @Override
  public MintedToken mint(String user) {
    if (!enabled()) {
      throw new IllegalStateException(disabledReason());
    }
    Instant now = clock.instant();
    Instant expiresAt = now.plus(ttl);
    String token = Jwt.issuer(RuntimeSetup.LOCAL_ISSUER)
        .audience(RuntimeSetup.LOCAL_AUDIENCE)
        .subject(user)
        .upn(user)
        .preferredUserName(user)
        .groups(Set.of("user"))
        .issuedAt(now)
        .expiresAt(expiresAt)
        .jws()
        .keyId("coachkit-local")
        .sign(keys().privateKey());
    return new MintedToken(token, expiresAt);
  }

  private LocalIssuerKeys keys() {
    LocalIssuerKeys loaded = keys;
    if (loaded == null) {
      loaded = LocalIssuerKeys.loadOrCreate(keyDirectory);
      keys = loaded;
    }
    return loaded;
  }
}
