package dev.coachkit.server.oidc;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link TestOidcProvider} and configures the server the way an operator would for an identity provider:
 * {@code coach.oidc.issuer}, {@code coach.oidc.client-id} (the browser's public client, also used by the web client
 * through the setup's fallback) and {@code coach.oidc.audience} (access tokens must be for this API).
 */
public class TestOidcProviderResource implements QuarkusTestResourceLifecycleManager {

  /** The public client the web client signs in as. */
  public static final String CLIENT_ID = "coachkit-web";

  private TestOidcProvider provider;

  @Override
  public Map<String, String> start() {
    provider = TestOidcProvider.start();
    return Map.of(
        "coach.oidc.issuer", provider.issuer(),
        "coach.oidc.client-id", CLIENT_ID,
        "coach.oidc.audience", TestOidcProvider.API_AUDIENCE,
        "coach.web.oidc.scopes", "openid profile offline_access");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(provider, new TestInjector.AnnotatedAndMatchesType(InjectOidcProvider.class,
        TestOidcProvider.class));
  }

  @Override
  public void stop() {
    if (provider != null) {
      provider.close();
    }
  }
}
