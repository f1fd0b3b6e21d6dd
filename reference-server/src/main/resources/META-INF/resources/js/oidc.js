// Sign-in at an identity provider: the browser is a public OIDC client doing the Authorization Code flow with PKCE
// (S256) itself (docs/adr/0010-browser-oidc-code-flow-with-pkce.md). The server stays a bearer-token resource server:
// it never sees the code, only the access token on each API call.
//
// What survives the redirect to the provider and back lives in sessionStorage (this tab only): the pending login
// (state, nonce, PKCE verifier) until the callback consumes it, then the tokens until sign-out or the tab closes.

const PENDING_KEY = 'coachkit.oidc.pending';
const TOKENS_KEY = 'coachkit.oidc.tokens';
const PENDING_MAX_AGE_MS = 10 * 60 * 1000;
const CLOCK_SKEW_S = 120;

/** A sign-in failure; `message` is written for the user, `code` for tests and logs. */
export class OidcError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function randomString(bytes = 32) {
  return b64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function s256(verifier) {
  if (!globalThis.crypto?.subtle) {
    throw new OidcError('Signing in needs a secure page (HTTPS, or http://localhost): this browser offers no'
      + ' Web Crypto here to protect the login with PKCE.', 'insecure_context');
  }
  return b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

const sameIssuer = (a, b) => String(a || '').replace(/\/+$/, '') === String(b || '').replace(/\/+$/, '');

/** Where the provider sends the browser back: this page, without query or fragment. */
export function redirectUri() {
  return new URL('./', location.href).href.replace(/[?#].*$/, '');
}

const metadataCache = new Map();

/** OIDC discovery: {issuer}/.well-known/openid-configuration, checked against the configured issuer. */
export async function discover(issuer) {
  if (metadataCache.has(issuer)) return metadataCache.get(issuer);
  const url = `${String(issuer).replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new OidcError(`The identity provider at ${issuer} cannot be reached from this browser (network error or`
      + ' it does not allow this site: CORS).', 'discovery_unreachable');
  }
  if (!response.ok) {
    throw new OidcError(`The identity provider's discovery document answered ${response.status} (${url}).`,
      'discovery_failed');
  }
  const metadata = await response.json();
  if (!sameIssuer(metadata.issuer, issuer)) {
    throw new OidcError(`The identity provider calls itself ${metadata.issuer}, not ${issuer}: refusing to sign in.`,
      'issuer_mismatch');
  }
  if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
    throw new OidcError('The identity provider publishes no authorization or token endpoint.', 'discovery_failed');
  }
  const methods = metadata.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new OidcError('The identity provider does not support PKCE with S256, which this client requires.',
      'pkce_unsupported');
  }
  metadataCache.set(issuer, metadata);
  return metadata;
}

/**
 * Starts a login: remembers state, nonce and the PKCE verifier for this tab, then leaves for the provider's
 * authorization endpoint. `config` is the `oidc` part of GET /api/client-config.
 */
export async function beginLogin(config) {
  const metadata = await discover(config.issuer);
  const verifier = randomString(48);
  const pending = {
    state: randomString(24),
    nonce: randomString(24),
    verifier,
    issuer: config.issuer,
    clientId: config.clientId,
    redirectUri: redirectUri(),
    createdAt: Date.now(),
  };
  const url = new URL(metadata.authorization_endpoint);
  const params = {
    ...(config.authorizeParameters || {}),
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scopes || 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(url.href);
}

/** Whether this page load is the provider sending the browser back (a code or an error, with a state). */
export function isCallback(url = new URL(location.href)) {
  return url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));
}

/** Decodes a JWT's claims without verifying it (the id_token came straight from the token endpoint over TLS). */
export function claimsOf(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='))
      .split('').map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/**
 * Completes a login on the redirect URI: checks the state, exchanges the code (with the PKCE verifier) at the token
 * endpoint, checks the id_token (issuer, audience, expiry, nonce) and keeps the tokens. The query is removed from
 * the address bar whatever happens, and the pending login is spent: a reply is accepted at most once.
 */
export async function completeLogin(url = new URL(location.href)) {
  const pending = takePending();
  history.replaceState(null, '', url.pathname + url.hash);
  const state = url.searchParams.get('state');
  if (!pending) {
    throw new OidcError('This sign-in reply was not started from this tab (or was already used). Nothing was'
      + ' exchanged; sign in again.', 'no_pending_login');
  }
  if (!state || state !== pending.state) {
    throw new OidcError('Sign-in refused: the reply does not belong to the sign-in this page started (state'
      + ' mismatch; possibly forged). Nothing was exchanged; sign in again.', 'state_mismatch');
  }
  if (url.searchParams.has('error')) {
    const description = url.searchParams.get('error_description');
    throw new OidcError(`The identity provider refused the sign-in: ${url.searchParams.get('error')}`
      + `${description ? ` (${description})` : ''}.`, 'provider_error');
  }
  if (Date.now() - pending.createdAt > PENDING_MAX_AGE_MS) {
    throw new OidcError('The sign-in took too long and has expired; sign in again.', 'login_expired');
  }
  const metadata = await discover(pending.issuer);
  const tokens = await tokenRequest(metadata, {
    grant_type: 'authorization_code',
    code: url.searchParams.get('code'),
    redirect_uri: pending.redirectUri,
    client_id: pending.clientId,
    code_verifier: pending.verifier,
  }, 'The identity provider did not accept the sign-in code');
  const idClaims = checkIdToken(tokens.id_token, metadata, pending.clientId, pending.nonce);
  return keep(tokens, idClaims, pending);
}

/** Uses the refresh token for a new access token; null when there is none. Throws OidcError when refused. */
export async function refresh() {
  const held = heldTokens();
  if (!held?.refreshToken) return null;
  const metadata = await discover(held.issuer);
  const tokens = await tokenRequest(metadata, {
    grant_type: 'refresh_token',
    refresh_token: held.refreshToken,
    client_id: held.clientId,
  }, 'The identity provider did not renew the sign-in');
  // A refreshed id_token carries no nonce (OIDC Core 12.2); the rest is checked as at login.
  const idClaims = tokens.id_token ? checkIdToken(tokens.id_token, metadata, held.clientId, null) : held.idClaims;
  return keep({ ...tokens, refresh_token: tokens.refresh_token || held.refreshToken,
    id_token: tokens.id_token || held.idToken }, idClaims, held);
}

/** The tokens this tab holds, or null. */
export function heldTokens() {
  try { return JSON.parse(sessionStorage.getItem(TOKENS_KEY) || 'null'); } catch { return null; }
}

export function forget() {
  sessionStorage.removeItem(TOKENS_KEY);
  sessionStorage.removeItem(PENDING_KEY);
}

/**
 * Where to send the browser to end the provider's session too (RP-initiated logout), or null when the provider
 * has no end_session_endpoint. Call before forget(): it needs the id_token as a hint.
 */
export async function logoutUrl() {
  const held = heldTokens();
  if (!held) return null;
  let metadata;
  try { metadata = await discover(held.issuer); } catch { return null; }
  if (!metadata.end_session_endpoint) return null;
  const url = new URL(metadata.end_session_endpoint);
  if (held.idToken) url.searchParams.set('id_token_hint', held.idToken);
  url.searchParams.set('client_id', held.clientId);
  url.searchParams.set('post_logout_redirect_uri', held.redirectUri || redirectUri());
  return url.href;
}

function takePending() {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try { return raw ? JSON.parse(raw) : null; } catch { return null; }
}

async function tokenRequest(metadata, fields, what) {
  let response;
  try {
    response = await fetch(metadata.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(fields),
    });
  } catch {
    throw new OidcError(`${what}: its token endpoint cannot be reached from this browser (network or CORS).`,
      'token_unreachable');
  }
  let body = {};
  try { body = await response.json(); } catch { /* not JSON: reported below */ }
  if (!response.ok) {
    const reason = body.error ? `${body.error}${body.error_description ? ` — ${body.error_description}` : ''}`
      : `HTTP ${response.status}`;
    throw new OidcError(`${what}: ${reason}.`, body.error || 'token_failed');
  }
  if (!body.access_token || String(body.token_type || '').toLowerCase() !== 'bearer') {
    throw new OidcError(`${what}: the reply holds no bearer access token.`, 'token_failed');
  }
  return body;
}

function checkIdToken(idToken, metadata, clientId, nonce) {
  const claims = idToken ? claimsOf(idToken) : null;
  const refuse = (why) => {
    throw new OidcError(`Sign-in refused: the identity token ${why}.`, 'id_token_invalid');
  };
  if (!claims) refuse('is missing or unreadable');
  if (!sameIssuer(claims.iss, metadata.issuer)) refuse(`comes from ${claims.iss}, not ${metadata.issuer}`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(clientId)) refuse('was issued to another client');
  if (audiences.length > 1 && claims.azp && claims.azp !== clientId) refuse('was issued to another party');
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp < now - CLOCK_SKEW_S) refuse('has expired');
  if (nonce !== null && claims.nonce !== nonce) refuse('does not carry this login\'s nonce (replayed?)');
  return claims;
}

function keep(tokens, idClaims, from) {
  const lifetime = Number(tokens.expires_in);
  const accessExp = claimsOf(tokens.access_token)?.exp;
  let expiresAt = null;
  if (Number.isFinite(lifetime) && lifetime > 0) expiresAt = Date.now() + lifetime * 1000;
  else if (typeof accessExp === 'number') expiresAt = accessExp * 1000;
  const held = {
    accessToken: tokens.access_token,
    idToken: tokens.id_token || null,
    refreshToken: tokens.refresh_token || null,
    expiresAt,
    issuer: from.issuer,
    clientId: from.clientId,
    redirectUri: from.redirectUri,
    idClaims,
    user: displayName(idClaims),
  };
  sessionStorage.setItem(TOKENS_KEY, JSON.stringify(held));
  return held;
}

function displayName(claims) {
  return claims?.preferred_username || claims?.name || claims?.email || claims?.sub || 'signed-in user';
}
