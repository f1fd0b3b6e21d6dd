package dev.coachkit.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test provider is only worth its tests if it refuses what a real one refuses: checked here without a browser. */
class TestOidcProviderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT = "spa";
  private static final String REDIRECT = "http://localhost:9999/";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-0123456789";

  private TestOidcProvider provider;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void startProvider() {
    provider = TestOidcProvider.start();
    provider.registerClient(CLIENT, List.of(REDIRECT), List.of(REDIRECT));
  }

  @AfterEach
  void stopProvider() {
    provider.close();
  }

  @Test
  void givenS256Challenge_s256_matchesTheRfc7636Example() {
    assertThat(TestOidcProvider.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void givenMatchingVerifier_codeExchange_issuesSignedTokensBoundToTheLogin() throws Exception {
    String code = signIn("alice", "st-1", "nonce-1", TestOidcProvider.s256(VERIFIER));

    HttpResponse<String> reply = exchange(code, VERIFIER, REDIRECT);

    assertThat(reply.statusCode()).isEqualTo(200);
    JsonNode tokens = JSON.readTree(reply.body());
    JsonNode id = verifiedClaims(tokens.path("id_token").asText());
    assertThat(id.path("iss").asText()).isEqualTo(provider.issuer());
    assertThat(id.path("aud").asText()).isEqualTo(CLIENT);
    assertThat(id.path("nonce").asText()).isEqualTo("nonce-1");
    assertThat(id.path("sub").asText()).isEqualTo(TestOidcProvider.subjectOf("alice"));
    assertThat(id.path("exp").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
    JsonNode access = verifiedClaims(tokens.path("access_token").asText());
    assertThat(access.path("aud").asText()).isEqualTo(TestOidcProvider.API_AUDIENCE);
    assertThat(access.path("azp").asText()).isEqualTo(CLIENT);
    assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
    assertThat(tokens.path("expires_in").asLong()).isPositive();
    assertThat(tokens.path("refresh_token").asText()).isNotEmpty();
  }

  @Test
  void givenWrongVerifier_codeExchange_isRefusedAndTheCodeIsSpent() throws Exception {
    String code = signIn("bob", "st-2", "nonce-2", TestOidcProvider.s256(VERIFIER));

    HttpResponse<String> wrong = exchange(code, VERIFIER.replace('0', '1'), REDIRECT);
    HttpResponse<String> retry = exchange(code, VERIFIER, REDIRECT);

    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_grant");
    assertThat(JSON.readTree(wrong.body()).path("error_description").asText()).contains("PKCE");
    assertThat(retry.statusCode()).isEqualTo(400);
    assertThat(provider.events("token-issued")).isEmpty();
  }

  @Test
  void givenUsedCode_secondExchange_isRefused() throws Exception {
    String code = signIn("carol", "st-3", "nonce-3", TestOidcProvider.s256(VERIFIER));

    assertThat(exchange(code, VERIFIER, REDIRECT).statusCode()).isEqualTo(200);
    HttpResponse<String> again = exchange(code, VERIFIER, REDIRECT);

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already used");
  }

  @Test
  void givenOtherRedirectUri_codeExchange_isRefused() throws Exception {
    String code = signIn("dave", "st-4", "nonce-4", TestOidcProvider.s256(VERIFIER));

    HttpResponse<String> reply = exchange(code, VERIFIER, "http://localhost:9999/elsewhere");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("redirect_uri");
  }

  @Test
  void givenNoCodeChallenge_authorize_redirectsBackWithAnError() throws Exception {
    HttpResponse<String> reply = get(provider.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
        "response_type", "code", "client_id", CLIENT, "redirect_uri", REDIRECT, "scope", "openid",
        "state", "st-5", "nonce", "n")));

    assertThat(reply.statusCode()).isEqualTo(302);
    assertThat(reply.headers().firstValue("Location").orElseThrow())
        .startsWith(REDIRECT + "?error=invalid_request").contains("state=st-5");
  }

  @Test
  void givenUnregisteredRedirectUri_authorize_neverRedirects() throws Exception {
    HttpResponse<String> reply = get(provider.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
        "response_type", "code", "client_id", CLIENT, "redirect_uri", "http://evil.example/", "scope", "openid",
        "state", "s", "nonce", "n", "code_challenge", TestOidcProvider.s256(VERIFIER),
        "code_challenge_method", "S256")));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.headers().firstValue("Location")).isEmpty();
  }

  @Test
  void givenRefreshToken_refresh_issuesNewTokensOnceOnly() throws Exception {
    String code = signIn("erin", "st-6", "nonce-6", TestOidcProvider.s256(VERIFIER));
    String refresh = JSON.readTree(exchange(code, VERIFIER, REDIRECT).body()).path("refresh_token").asText();

    HttpResponse<String> first = post("/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
        "refresh_token", refresh, "client_id", CLIENT));
    HttpResponse<String> replay = post("/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
        "refresh_token", refresh, "client_id", CLIENT));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(verifiedClaims(JSON.readTree(first.body()).path("access_token").asText()).path("sub").asText())
        .isEqualTo(TestOidcProvider.subjectOf("erin"));
    assertThat(replay.statusCode()).isEqualTo(400);
  }

  @Test
  void givenRegisteredOrigin_tokenEndpoint_allowsThatOriginOnly() throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(provider.issuer()
        + "/.well-known/openid-configuration"));
    HttpResponse<String> ours = http.send(request.header("Origin", "http://localhost:9999").build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> theirs = http.send(HttpRequest.newBuilder(URI.create(provider.issuer()
        + "/.well-known/openid-configuration")).header("Origin", "http://evil.example").build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(ours.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:9999");
    assertThat(theirs.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(JSON.readTree(ours.body()).path("code_challenge_methods_supported").toString()).contains("S256");
  }

  // ------------------------------------------------------------------ helpers

  /** The browser's part: authorize, read the login form, post it, and take the code from the redirect. */
  private String signIn(String user, String state, String nonce, String challenge) throws Exception {
    HttpResponse<String> page = get(provider.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
        "response_type", "code", "client_id", CLIENT, "redirect_uri", REDIRECT, "scope", "openid profile",
        "state", state, "nonce", nonce, "code_challenge", challenge, "code_challenge_method", "S256")));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher request = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(request.find()).as("login form").isTrue();
    HttpResponse<String> login = post("/protocol/openid-connect/auth", Map.of("request", request.group(1),
        "username", user));
    assertThat(login.statusCode()).isEqualTo(302);
    URI location = URI.create(login.headers().firstValue("Location").orElseThrow());
    Map<String, String> params = TestOidcProvider.query(location.getRawQuery());
    assertThat(params).containsEntry("state", state);
    return params.get("code");
  }

  private HttpResponse<String> exchange(String code, String verifier, String redirectUri) throws Exception {
    return post("/protocol/openid-connect/token", Map.of("grant_type", "authorization_code", "code", code,
        "redirect_uri", redirectUri, "client_id", CLIENT, "code_verifier", verifier));
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(provider.issuer() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  /** Verifies the RS256 signature against the provider's published JWKS and returns the claims. */
  private JsonNode verifiedClaims(String jwt) throws IOException, InterruptedException, GeneralSecurityException {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    JsonNode jwks = JSON.readTree(get(provider.issuer() + "/protocol/openid-connect/certs").body());
    JsonNode key = jwks.path("keys").get(0);
    assertThat(key.path("kid").asText()).isEqualTo(header.path("kid").asText());
    PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText())),
        new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()))));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(publicKey);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
    return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }
}
