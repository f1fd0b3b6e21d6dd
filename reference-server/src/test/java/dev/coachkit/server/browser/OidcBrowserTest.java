package dev.coachkit.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.coachkit.adapter.openai.simulator.OpenAiSimulator;
import dev.coachkit.adapter.openai.simulator.SimulatedReply;
import dev.coachkit.server.oidc.InjectOidcProvider;
import dev.coachkit.server.oidc.TestOidcProvider;
import dev.coachkit.server.oidc.TestOidcProviderResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web client's OIDC login in a real browser: the server runs with an identity provider (the in-test
 * {@link TestOidcProvider}, on another origin as a real one would be), and the page signs in there with
 * Authorization Code + PKCE, uses the provider's access token for the API, renews or drops it when it expires, and
 * signs out at the provider. Forged replies (a swapped state, a wrong PKCE verifier) are refused and explained.
 */
@QuarkusTest
@QuarkusTestResource(value = SimulatorsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = TestOidcProviderResource.class, restrictToAnnotatedClass = true)
class OidcBrowserTest {

  @InjectSimulator
  OpenAiSimulator chat;

  @InjectOidcProvider
  TestOidcProvider provider;

  @TestHTTPResource("/")
  URL baseUrl;

  @BeforeAll
  static void browserToolsArePresent() {
    BrowserScenarios.requireTools();
  }

  @BeforeEach
  void reset() {
    chat.reset();
    chat.setDefaultReply(SimulatedReply.text("UNSCRIPTED REPLY"));
    provider.reset();
    // The client's registration at the provider: its redirect URI is the page itself, and so is the place to come
    // back to after signing out.
    provider.registerClient(TestOidcProviderResource.CLIENT_ID, List.of(baseUrl.toString()),
        List.of(baseUrl.toString()));
  }

  @Test
  void givenIdentityProvider_signInChatAndSignOutInBrowser_useTheProvidersTokens() throws Exception {
    String reply = "Signed in through your provider, and ready to coach.";
    chat.enqueue(SimulatedReply.text(reply));
    ObjectNode expect = expect("olivia").put("userMessage", "Hello coach").put("reply", reply);

    JsonNode result = BrowserScenarios.run(baseUrl, "oidc-sign-in", expect);

    BrowserScenarios.assertPassed(result);
    assertThat(provider.events("token-issued")).as("one code exchanged for tokens").hasSize(1);
    assertThat(provider.events("logout")).as("RP-initiated logout with the id token as hint")
        .singleElement().satisfies(e -> assertThat(e.detail()).contains("id_token_hint=true")
            .contains("client_id=" + TestOidcProviderResource.CLIENT_ID));
    assertThat(chat.requests()).as("the chat turn reached the model").isNotEmpty();
  }

  @Test
  void givenForgedState_callback_isRefusedAndTheCodeNeverExchanged() throws Exception {
    JsonNode result = BrowserScenarios.run(baseUrl, "oidc-state-tampered", expect("mallory"));

    BrowserScenarios.assertPassed(result);
    assertThat(provider.events("code-issued")).hasSize(1);
    assertThat(provider.events("token-issued")).isEmpty();
    assertThat(provider.events("token-refused")).as("no exchange even attempted").isEmpty();
  }

  @Test
  void givenWrongCodeVerifier_codeExchange_isRefusedByTheProviderAndExplained() throws Exception {
    JsonNode result = BrowserScenarios.run(baseUrl, "oidc-wrong-verifier", expect("trudy"));

    BrowserScenarios.assertPassed(result);
    assertThat(provider.events("token-issued")).isEmpty();
    assertThat(provider.events("token-refused")).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("PKCE"));
  }

  @Test
  void givenShortLivedTokensWithRefresh_chatAfterExpiry_usesARenewedToken() throws Exception {
    provider.accessTokenTtl(Duration.ofSeconds(4));
    String reply = "Still here after your token was renewed.";
    chat.enqueue(SimulatedReply.text(reply));
    ObjectNode expect = expect("renata").put("userMessage", "Are you still there?").put("reply", reply)
        .put("accessTokenSeconds", 4);

    JsonNode result = BrowserScenarios.run(baseUrl, "oidc-refresh", expect);

    BrowserScenarios.assertPassed(result);
    assertThat(provider.events("token-refreshed")).isNotEmpty();
  }

  @Test
  void givenShortLivedTokenWithoutRefresh_expiry_isAnnouncedAndSignInOffered() throws Exception {
    provider.accessTokenTtl(Duration.ofSeconds(4));
    provider.issueRefreshTokens(false);

    JsonNode result = BrowserScenarios.run(baseUrl, "oidc-expiry", expect("edgar").put("accessTokenSeconds", 4));

    BrowserScenarios.assertPassed(result);
    assertThat(provider.events("token-refreshed")).isEmpty();
  }

  private ObjectNode expect(String username) {
    // A fresh provider user per scenario (histories start empty).
    String user = username + System.nanoTime() % 1_000_000;
    ObjectNode node = BrowserScenarios.JSON.createObjectNode();
    node.put("user", user);
    node.put("subject", TestOidcProvider.subjectOf(user));
    node.put("issuer", provider.issuer());
    node.put("clientId", TestOidcProviderResource.CLIENT_ID);
    return node;
  }
}
