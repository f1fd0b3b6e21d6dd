// The REST API of the reference server (docs: /q/openapi). Every /api call carries the bearer token.

const TOKEN_KEY = 'coachkit.token';
const USER_KEY = 'coachkit.user';
const KNOWN_KEY = 'coachkit.knownUsers';

/** An API failure carrying the RFC 9457 problem details the server sent (or what we could make of the reply). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = problem?.retryAfter;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get user() { return sessionStorage.getItem(USER_KEY); },
  set(token, user, { remember = true } = {}) {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, user);
    if (!remember) return;
    const known = new Set(this.knownUsers());
    known.add(user);
    localStorage.setItem(KNOWN_KEY, JSON.stringify([...known].slice(-10)));
  },
  clear() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
  knownUsers() {
    try { return JSON.parse(localStorage.getItem(KNOWN_KEY) || '[]'); } catch { return []; }
  },
};

async function problemOf(response) {
  const text = await response.text().catch(() => '');
  let problem;
  try {
    problem = text ? JSON.parse(text) : {};
  } catch {
    // Not a problem document (e.g. an HTML error page): keep its words, not its markup.
    const words = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
    problem = { title: `The server answered ${response.status}${words ? `: ${words}` : ''}` };
  }
  if (typeof problem !== 'object' || problem === null) problem = { detail: String(problem) };
  const retry = response.headers.get('Retry-After');
  if (retry) problem.retryAfter = Number(retry);
  if (!problem.detail && !problem.title) {
    problem.title = response.status === 401 ? 'Your sign-in has expired' : `The server answered ${response.status}`;
  }
  return problem;
}

let renewToken = null;

/**
 * Registers how to get a fresh token when the server answers 401 (e.g. an identity provider's refresh token):
 * `renew()` resolves true when session.token was replaced. The failed call is then sent once more.
 */
export function onTokenRejected(renew) {
  renewToken = renew;
}

/** fetch with the bearer token; on 401 renews the token once (if a renewer is registered) and retries. */
async function authorizedFetch(path, init) {
  const send = () => {
    const headers = { ...init.headers };
    if (session.token) headers.Authorization = `Bearer ${session.token}`;
    return fetch(path, { ...init, headers });
  };
  let response = await send();
  if (response.status === 401 && renewToken && session.token && await renewToken().catch(() => false)) {
    response = await send();
  }
  return response;
}

/** Calls an /api endpoint; JSON in, JSON out (null for 204). Throws ApiError. */
export async function api(method, path, body, { signal, headers } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers }, signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await authorizedFetch(path, init);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** How to sign in, asked before any token is held: {mode: 'local'} or {mode: 'oidc', oidc: {issuer, clientId, …}}. */
export async function clientConfig() {
  const response = await fetch('/api/client-config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response.json();
}

/** Local issuer (ADR-0004): a token for a named user, or ApiError 403 when an identity provider is configured. */
export async function signInLocally(user) {
  const reply = await api('POST', '/local/tokens', { user });
  const token = reply.accessToken || reply.access_token;
  if (!token) throw new ApiError(500, { detail: 'The server sent no token.' });
  session.set(token, user);
  return token;
}

/**
 * Sends a chat message and streams the reply: POST /api/coach/chat/stream answers Server-Sent Events
 * (`delta`, `tool_call`, `tool_result`, `done`, `error`). `onEvent(name, data)` is called for each.
 * Resolves with the `done` payload; rejects with ApiError on an `error` event or an HTTP error.
 */
export async function streamChat({ message, conversationId, idempotencyKey }, onEvent, signal) {
  const headers = { Accept: 'text/event-stream', 'Content-Type': 'application/json' };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  const body = { message };
  if (conversationId) body.conversationId = conversationId;
  if (idempotencyKey) body.idempotencyKey = idempotencyKey;
  const response = await authorizedFetch('/api/coach/chat/stream', {
    method: 'POST', headers, body: JSON.stringify(body), signal,
  });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  let done = null;
  let failure = null;
  for await (const { event, data } of readSse(response.body)) {
    let payload = data;
    try { payload = JSON.parse(data); } catch { /* plain text data */ }
    onEvent(event, payload);
    if (event === 'done') done = payload;
    if (event === 'error') failure = new ApiError(payload?.status || 502, typeof payload === 'object' ? payload : { detail: payload });
  }
  if (failure) throw failure;
  if (!done) throw new ApiError(502, { detail: 'The reply stream ended before the coach finished.' });
  return done;
}

/** Parses a text/event-stream body (WHATWG rules: event/data fields, blank line dispatch, comments). */
export async function* readSse(stream) {
  const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = 'message';
  let data = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) yield { event, data: data.join('\n') };
          event = 'message';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let val = colon < 0 ? '' : line.slice(colon + 1);
          if (val.startsWith(' ')) val = val.slice(1);
          if (field === 'event') event = val;
          else if (field === 'data') data.push(val);
        }
      }
    }
    if (data.length) yield { event, data: data.join('\n') };
  } finally {
    reader.releaseLock();
  }
}

// Lists come back either as an array or wrapped in a page object; accept both.
export function items(reply, ...keys) {
  if (Array.isArray(reply)) return reply;
  for (const key of [...keys, 'items', 'content', 'data', 'results']) {
    if (Array.isArray(reply?.[key])) return reply[key];
  }
  return [];
}

export const coach = {
  whoami: () => api('GET', '/api/coach/whoami'),
  conversations: () => api('GET', '/api/coach/conversations').then((r) => items(r, 'conversations')),
  messages: (id, limit = 100) =>
    api('GET', `/api/coach/conversations/${encodeURIComponent(id)}/messages?limit=${limit}`)
      .then((r) => items(r, 'messages')),
  plan: (id) => api('GET', `/api/coach/plans/${encodeURIComponent(id)}`),
  plans: () => api('GET', '/api/coach/plans').then((r) => items(r, 'plans')),
  context: () => api('GET', '/api/coach/context'),
  saveProfile: (profile) => api('PUT', '/api/coach/profile', profile),
  usage: (from, to) => {
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    return api('GET', `/api/coach/usage${q.size ? `?${q}` : ''}`);
  },
  deleteMe: () => api('DELETE', '/api/coach/me'),
  startVoice: (body) => api('POST', '/api/coach/voice/sessions', body),
  endVoice: (id) => api('POST', `/api/coach/voice/sessions/${encodeURIComponent(id)}/end`, {}),
  voiceTicket: () => api('POST', '/api/coach/voice/tickets'),
};
