package dev.coachkit.server.oidc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A small but faithful OpenID Connect provider for tests, on the JDK's HTTP server: discovery, JWKS, an
 * authorization endpoint with a login page (Authorization Code flow; PKCE with S256 is required), a token endpoint
 * that verifies the code verifier against the challenge and redeems each code once, refresh tokens (rotated), an
 * end-session endpoint, and RS256-signed id and access tokens with iss, aud, sub, exp, iat and (id token) nonce.
 * Cross-origin requests are answered for the origins of registered redirect URIs, as a provider that supports
 * browser (SPA) clients does. Everything it decides is recorded in {@link #events()}.
 */
public final class TestOidcProvider implements AutoCloseable {

  /** The audience of the access tokens this provider issues: the API they are for. */
  public static final String API_AUDIENCE = "coachkit-api";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
  private static final Duration CODE_TTL = Duration.ofSeconds(60);

  private final HttpServer server;
  private final String issuer;
  private final KeyPair keys;
  private final String keyId = "test-key-1";
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final Map<String, AuthorizationRequest> pendingLogins = new ConcurrentHashMap<>();
  private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private volatile Duration accessTokenTtl = Duration.ofMinutes(5);
  private volatile boolean issueRefreshTokens = true;

  /** A registered public client: its id and the exact redirect URIs it may use. */
  record Client(String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris) {}

  /** Something the provider did or refused: {@code type} names it, {@code detail} says with what. */
  public record Event(String type, String detail) {}

  private record AuthorizationRequest(String clientId, String redirectUri, String state, String nonce,
      String codeChallenge, String scope) {}

  private record IssuedCode(AuthorizationRequest request, String subject, Instant expiresAt) {}

  private record RefreshGrant(String clientId, String subject, String scope) {}

  private TestOidcProvider(Clock clock) throws IOException, GeneralSecurityException {
    this.clock = clock;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    this.keys = generator.generateKeyPair();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // A Keycloak-like realm path: clients must append the discovery path to the issuer, not to the host.
    this.issuer = "http://localhost:" + server.getAddress().getPort() + "/realms/coach";
    server.createContext("/realms/coach/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "test-oidc-provider");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** Starts a provider on a free loopback port. */
  public static TestOidcProvider start() {
    try {
      return new TestOidcProvider(Clock.systemUTC());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not start the test OIDC provider", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  /** Registers (or replaces) a public client. */
  public void registerClient(String clientId, List<String> redirectUris, List<String> postLogoutRedirectUris) {
    clients.put(clientId, new Client(clientId, List.copyOf(redirectUris), List.copyOf(postLogoutRedirectUris)));
  }

  /** How long access tokens (and the {@code expires_in} the token endpoint reports) live. */
  public void accessTokenTtl(Duration ttl) {
    this.accessTokenTtl = Objects.requireNonNull(ttl, "ttl must not be null");
  }

  /** Whether the token endpoint hands out refresh tokens. */
  public void issueRefreshTokens(boolean issue) {
    this.issueRefreshTokens = issue;
  }

  /** Forgets the events, codes and sessions and restores the default token settings; clients stay registered. */
  public void reset() {
    events.clear();
    pendingLogins.clear();
    codes.clear();
    refreshTokens.clear();
    accessTokenTtl = Duration.ofMinutes(5);
    issueRefreshTokens = true;
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  /** The events of one type, in order. */
  public List<Event> events(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  /** The subject the provider gives a user who signs in with {@code username}. */
  public static String subjectOf(String username) {
    return "idp|" + username;
  }

  /** An access token as the token endpoint would issue it, with a chosen audience and lifetime. */
  public String accessToken(String username, String audience, Duration ttl) {
    return accessToken(subjectOf(username), username, audience, "some-client", "openid", clock.instant(), ttl);
  }

  /** An id token as the token endpoint would issue it to {@code clientId}. */
  public String idToken(String username, String clientId) {
    return idToken(subjectOf(username), username, clientId, "n-" + randomToken(8), clock.instant());
  }

  /** A token with this provider's claims but signed by a key nobody published. */
  public String accessTokenSignedByAnotherKey(String username) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      Instant now = clock.instant();
      ObjectNode claims = baseClaims(subjectOf(username), username, API_AUDIENCE, now, Duration.ofMinutes(5));
      return sign(claims, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ------------------------------------------------------------------ HTTP

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath().substring("/realms/coach".length());
      String method = exchange.getRequestMethod();
      if ("OPTIONS".equals(method)) {
        preflight(exchange);
        return;
      }
      switch (path) {
        case "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
        case "/protocol/openid-connect/certs" -> json(exchange, 200, jwks());
        case "/protocol/openid-connect/auth" -> {
          if ("POST".equals(method)) {
            login(exchange);
          } else {
            authorize(exchange);
          }
        }
        case "/protocol/openid-connect/token" -> token(exchange);
        case "/protocol/openid-connect/logout" -> logout(exchange);
        default -> send(exchange, 404, "text/plain", "not found");
      }
    } catch (RuntimeException e) {
      events.add(new Event("error", e.toString()));
      send(exchange, 500, "text/plain", "provider error: " + e.getMessage());
    } finally {
      exchange.close();
    }
  }

  private ObjectNode discovery() {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("issuer", issuer);
    doc.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
    doc.put("token_endpoint", issuer + "/protocol/openid-connect/token");
    doc.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
    doc.put("end_session_endpoint", issuer + "/protocol/openid-connect/logout");
    doc.putArray("response_types_supported").add("code");
    doc.putArray("grant_types_supported").add("authorization_code").add("refresh_token");
    doc.putArray("subject_types_supported").add("public");
    doc.putArray("id_token_signing_alg_values_supported").add("RS256");
    doc.putArray("code_challenge_methods_supported").add("S256");
    doc.putArray("token_endpoint_auth_methods_supported").add("none");
    doc.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
    return doc;
  }

  private ObjectNode jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    ObjectNode doc = JSON.createObjectNode();
    ObjectNode jwk = doc.putArray("keys").addObject();
    jwk.put("kty", "RSA");
    jwk.put("kid", keyId);
    jwk.put("use", "sig");
    jwk.put("alg", "RS256");
    jwk.put("n", B64URL.encodeToString(unsigned(key.getModulus().toByteArray())));
    jwk.put("e", B64URL.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
    return doc;
  }

  /** GET authorize: checks the request, then shows the login page (the user is not signed in at the provider). */
  private void authorize(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    Client client = clients.get(q.getOrDefault("client_id", ""));
    String redirectUri = q.get("redirect_uri");
    if (client == null || redirectUri == null || !client.redirectUris().contains(redirectUri)) {
      // Never redirect to an unregistered URI: show the error here.
      events.add(new Event("authorize-refused", "unknown client or redirect_uri " + redirectUri));
      send(exchange, 400, "text/html; charset=utf-8", page("Sign-in error",
          "<p id=\"error\">Unknown client or redirect URI.</p>"));
      return;
    }
    String error = null;
    if (!"code".equals(q.get("response_type"))) {
      error = "unsupported_response_type";
    } else if (q.get("code_challenge") == null || !"S256".equals(q.get("code_challenge_method"))) {
      error = "invalid_request&error_description=" + enc("PKCE with S256 is required");
    } else if (!(" " + q.getOrDefault("scope", "") + " ").contains(" openid ")) {
      error = "invalid_scope";
    } else if (q.get("state") == null || q.get("nonce") == null) {
      error = "invalid_request&error_description=" + enc("state and nonce are required");
    }
    if (error != null) {
      events.add(new Event("authorize-refused", error));
      redirect(exchange, redirectUri + "?error=" + error + stateParam(q.get("state")));
      return;
    }
    String requestId = randomToken(16);
    pendingLogins.put(requestId, new AuthorizationRequest(client.clientId(), redirectUri, q.get("state"),
        q.get("nonce"), q.get("code_challenge"), q.get("scope")));
    events.add(new Event("authorize", client.clientId() + " " + redirectUri));
    send(exchange, 200, "text/html; charset=utf-8", page("Sign in to Test IdP",
        "<form method=\"post\">"
            + "<input type=\"hidden\" name=\"request\" value=\"" + requestId + "\">"
            + "<label for=\"username\">Username</label>"
            + "<input id=\"username\" name=\"username\" autocomplete=\"username\" required>"
            + "<button type=\"submit\">Log in</button></form>"));
  }

  /** POST authorize: the login form; issues a one-time code bound to the request's client, redirect URI, PKCE. */
  private void login(HttpExchange exchange) throws IOException {
    Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    AuthorizationRequest request = pendingLogins.remove(form.getOrDefault("request", ""));
    String username = form.getOrDefault("username", "").trim();
    if (request == null) {
      send(exchange, 400, "text/html; charset=utf-8", page("Sign-in error", "<p id=\"error\">Login expired.</p>"));
      return;
    }
    if (!username.matches("[A-Za-z0-9._@-]{1,64}")) {
      pendingLogins.put(form.get("request"), request);
      send(exchange, 400, "text/html; charset=utf-8", page("Sign in to Test IdP",
          "<p id=\"error\">Invalid user name.</p>"));
      return;
    }
    String code = randomToken(32);
    codes.put(code, new IssuedCode(request, subjectOf(username), clock.instant().plus(CODE_TTL)));
    events.add(new Event("code-issued", username));
    redirect(exchange, request.redirectUri() + (request.redirectUri().contains("?") ? "&" : "?") + "code=" + code
        + stateParam(request.state()));
  }

  private void token(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 405, "text/plain", "POST only");
      return;
    }
    Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String grantType = form.getOrDefault("grant_type", "");
    if ("authorization_code".equals(grantType)) {
      codeGrant(exchange, form);
    } else if ("refresh_token".equals(grantType)) {
      refreshGrant(exchange, form);
    } else {
      tokenError(exchange, "unsupported_grant_type", "grant_type " + grantType + " is not supported");
    }
  }

  private void codeGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
    // One-time: the code is gone after the first attempt, whatever its outcome.
    IssuedCode issued = codes.remove(form.getOrDefault("code", ""));
    if (issued == null) {
      tokenError(exchange, "invalid_grant", "unknown, expired or already used authorization code");
      return;
    }
    AuthorizationRequest request = issued.request();
    if (clock.instant().isAfter(issued.expiresAt())) {
      tokenError(exchange, "invalid_grant", "the authorization code has expired");
      return;
    }
    if (!request.clientId().equals(form.get("client_id"))) {
      tokenError(exchange, "invalid_grant", "the code was issued to another client");
      return;
    }
    if (!request.redirectUri().equals(form.get("redirect_uri"))) {
      tokenError(exchange, "invalid_grant", "redirect_uri does not match the authorization request");
      return;
    }
    String verifier = form.get("code_verifier");
    if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
      tokenError(exchange, "invalid_grant", "PKCE verification failed: code_verifier missing or malformed");
      return;
    }
    if (!s256(verifier).equals(request.codeChallenge())) {
      tokenError(exchange, "invalid_grant", "PKCE verification failed: code_verifier does not match the code_challenge");
      return;
    }
    String username = issued.subject().substring("idp|".length());
    events.add(new Event("token-issued", username));
    json(exchange, 200, tokenResponse(request.clientId(), issued.subject(), username, request.scope(),
        request.nonce()));
  }

  private void refreshGrant(HttpExchange exchange, Map<String, String> form) throws IOException {
    RefreshGrant grant = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
    if (grant == null || !grant.clientId().equals(form.get("client_id"))) {
      tokenError(exchange, "invalid_grant", "unknown or already used refresh token");
      return;
    }
    String username = grant.subject().substring("idp|".length());
    events.add(new Event("token-refreshed", username));
    json(exchange, 200, tokenResponse(grant.clientId(), grant.subject(), username, grant.scope(), null));
  }

  private ObjectNode tokenResponse(String clientId, String subject, String username, String scope, String nonce) {
    Instant now = clock.instant();
    ObjectNode reply = JSON.createObjectNode();
    reply.put("access_token", accessToken(subject, username, API_AUDIENCE, clientId, scope, now, accessTokenTtl));
    reply.put("token_type", "Bearer");
    reply.put("expires_in", accessTokenTtl.toSeconds());
    reply.put("scope", scope);
    reply.put("id_token", idToken(subject, username, clientId, nonce, now));
    if (issueRefreshTokens) {
      String refresh = randomToken(32);
      refreshTokens.put(refresh, new RefreshGrant(clientId, subject, scope));
      reply.put("refresh_token", refresh);
    }
    return reply;
  }

  private void logout(HttpExchange exchange) throws IOException {
    Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
    String target = q.get("post_logout_redirect_uri");
    boolean registered = target != null && clients.values().stream()
        .anyMatch(c -> c.postLogoutRedirectUris().contains(target));
    events.add(new Event("logout", "id_token_hint=" + (q.get("id_token_hint") != null) + " client_id="
        + q.get("client_id")));
    if (!registered) {
      send(exchange, 200, "text/html; charset=utf-8", page("Signed out", "<p>You are signed out.</p>"));
      return;
    }
    String state = q.get("state");
    redirect(exchange, state == null ? target : target + (target.contains("?") ? "&" : "?") + "state=" + enc(state));
  }

  // ------------------------------------------------------------------ tokens

  private String accessToken(String subject, String username, String audience, String clientId, String scope,
      Instant now, Duration ttl) {
    ObjectNode claims = baseClaims(subject, username, audience, now, ttl);
    claims.put("azp", clientId);
    claims.put("scope", scope);
    claims.put("typ", "Bearer");
    return sign(claims, keys);
  }

  private String idToken(String subject, String username, String clientId, String nonce, Instant now) {
    ObjectNode claims = baseClaims(subject, username, clientId, now, Duration.ofMinutes(5));
    claims.put("azp", clientId);
    claims.put("auth_time", now.getEpochSecond());
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    claims.put("name", username.substring(0, 1).toUpperCase() + username.substring(1));
    claims.put("typ", "ID");
    return sign(claims, keys);
  }

  private ObjectNode baseClaims(String subject, String username, String audience, Instant now, Duration ttl) {
    ObjectNode claims = JSON.createObjectNode();
    claims.put("iss", issuer);
    claims.put("sub", subject);
    claims.put("aud", audience);
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(ttl).getEpochSecond());
    claims.put("jti", randomToken(12));
    claims.put("preferred_username", username);
    return claims;
  }

  private String sign(ObjectNode claims, KeyPair pair) {
    try {
      ObjectNode header = JSON.createObjectNode();
      header.put("alg", "RS256");
      header.put("typ", "JWT");
      header.put("kid", keyId);
      String signingInput = B64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
          + B64URL.encodeToString(JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(pair.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a token", e);
    }
  }

  /** BASE64URL(SHA-256(ASCII(verifier))), RFC 7636 section 4.2. */
  static String s256(String verifier) {
    try {
      return B64URL.encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] unsigned(byte[] bigEndian) {
    if (bigEndian.length > 1 && bigEndian[0] == 0) {
      byte[] trimmed = new byte[bigEndian.length - 1];
      System.arraycopy(bigEndian, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return bigEndian;
  }

  private String randomToken(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return B64URL.encodeToString(value);
  }

  // ------------------------------------------------------------------ plumbing

  private void tokenError(HttpExchange exchange, String error, String description) throws IOException {
    events.add(new Event("token-refused", error + ": " + description));
    ObjectNode body = JSON.createObjectNode();
    body.put("error", error);
    body.put("error_description", description);
    json(exchange, 400, body);
  }

  /** Answers the CORS preflight of a registered client's origin (a browser would only send one for non-simple requests). */
  private void preflight(HttpExchange exchange) throws IOException {
    cors(exchange);
    exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type, Authorization");
    exchange.sendResponseHeaders(204, -1);
  }

  private void cors(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && clients.values().stream().flatMap(c -> c.redirectUris().stream())
        .anyMatch(uri -> originOf(uri).equals(origin))) {
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
      exchange.getResponseHeaders().set("Vary", "Origin");
    }
  }

  private static String originOf(String uri) {
    URI parsed = URI.create(uri);
    return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
  }

  private void json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    send(exchange, status, "application/json", JSON.writeValueAsString(body));
  }

  private void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    cors(exchange);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static String page(String title, String body) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
        + "<style>*{box-sizing:border-box}body{font:16px system-ui,sans-serif;background:#eef1f5;display:grid;place-items:center;"
        + "min-height:100vh;margin:0}main{background:#fff;padding:2rem;border-radius:12px;width:min(22rem,90vw);"
        + "box-shadow:0 4px 20px #0002}label,input,button{display:block;width:100%;box-sizing:border-box}"
        + "input{margin:.4rem 0 1rem;padding:.6rem;font:inherit}button{padding:.6rem;font:inherit;"
        + "background:#33415c;color:#fff;border:0;border-radius:6px}</style></head><body><main><h1>" + title
        + "</h1>" + body + "</main></body></html>";
  }

  private static String stateParam(String state) {
    return state == null ? "" : "&state=" + enc(state);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.putIfAbsent(key, value);
    }
    return values;
  }
}
