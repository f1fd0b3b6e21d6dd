// CoachKit reference web client: sign-in, text chat with streamed replies, voice calls, plans, profile, usage.

import { ApiError, clientConfig, coach, onTokenRejected, session, signInLocally, streamChat } from './api.js';
import { $, $$, h, words } from './dom.js';
import * as oidc from './oidc.js';
import { planCard, planFromToolResult } from './plans.js';
import { stats, VoiceCall, VoiceError } from './voice.js';

const state = {
  conversationId: null,
  conversations: [],
  call: null,
  busy: false,
  plansShown: new Set(),
  lastError: null,
  auth: { mode: 'local' },
  expiryTimer: null,
};

// Test and debugging hooks (the browser tests read these).
window.coachkit = { stats, state, events: [] };
const record = (type, detail) => window.coachkit.events.push({ type, detail, at: Date.now() });

// ------------------------------------------------------------------ sign-in

// A message for the sign-in screen that must survive a reload or a round trip to the identity provider.
const SIGNIN_NOTE_KEY = 'coachkit.signinNote';

function showSignin(message) {
  clearTimeout(state.expiryTimer);
  $('#app').hidden = true;
  $('#signin').hidden = false;
  const note = message || sessionStorage.getItem(SIGNIN_NOTE_KEY) || '';
  sessionStorage.removeItem(SIGNIN_NOTE_KEY);
  $('#signin-message').textContent = note;
  $('#signin-message').hidden = !note;
  const mode = state.auth.mode;
  const oidcClient = mode === 'oidc' && state.auth.oidc?.clientId;
  $('#signin-form').hidden = mode !== 'local';
  $('#signin-oidc').hidden = !oidcClient;
  $('#signin-idp').hidden = mode !== 'oidc' || !!oidcClient;
  if (mode === 'local') {
    $('#signin-known').replaceChildren(...session.knownUsers().map((u) => h('option', { value: u })));
    $('#signin-user').focus();
  } else if (oidcClient) {
    $('#signin-issuer').textContent = state.auth.oidc.issuer;
    $('#signin-oidc-button').disabled = false;
    $('#signin-oidc-button').focus();
  } else {
    $('#signin-token').focus();
  }
}

/** Signed out for a reason the user must read (expiry, refusal): back to the sign-in screen, saying why. */
function signedOut(reason) {
  state.call?.hangUp();
  session.clear();
  oidc.forget();
  showSignin(reason);
}

$('#signin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = $('#signin-user');
  const error = $('#signin-error');
  error.textContent = '';
  const user = input.value.trim();
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(user)) {
    error.textContent = 'Use 1 to 64 letters, digits or . _ @ -';
    input.focus();
    return;
  }
  try {
    await signInLocally(user);
    await showApp();
  } catch (err) {
    error.textContent = err instanceof ApiError && err.status === 403 ? err.message : `Sign-in failed: ${err.message}`;
  }
});

$('#signin-oidc-button').addEventListener('click', async () => {
  const button = $('#signin-oidc-button');
  $('#signin-oidc-error').textContent = '';
  button.disabled = true;
  try {
    record('oidc-redirect', state.auth.oidc.issuer);
    await oidc.beginLogin(state.auth.oidc); // leaves the page
  } catch (err) {
    record('oidc-error', err.code || err.message);
    $('#signin-oidc-error').textContent = err.message;
    button.disabled = false;
  }
});

/** Back from the identity provider: finish the login, or say plainly why it was refused. */
async function completeOidcLogin() {
  showSignin('Signing you in…');
  $('#signin-oidc-button').disabled = true;
  try {
    const held = await oidc.completeLogin();
    session.set(held.accessToken, held.user, { remember: false });
    record('signed-in', held.user);
    scheduleExpiry();
    await showApp();
  } catch (err) {
    record('oidc-error', err.code || err.message);
    session.clear();
    oidc.forget();
    showSignin();
    $('#signin-oidc-error').textContent = err.message;
  }
}

/**
 * Access tokens from a provider expire: renew with the refresh token shortly before, or, without one, say so
 * when it happens (never a silent failure on the next click).
 */
function scheduleExpiry() {
  clearTimeout(state.expiryTimer);
  const held = oidc.heldTokens();
  if (!held?.expiresAt) return;
  const left = held.expiresAt - Date.now();
  const lead = held.refreshToken ? Math.min(60000, Math.max(0, left / 5)) : 0;
  const expire = () => {
    record('token-expired', held.user);
    signedOut('Your sign-in has expired. Sign in again to continue.');
  };
  state.expiryTimer = setTimeout(async () => {
    if (!held.refreshToken) {
      expire();
      return;
    }
    if (await renewToken()) return;
    // Not renewed: the current token still works until it expires; then say so.
    state.expiryTimer = setTimeout(expire, Math.max(0, held.expiresAt - Date.now()));
  }, Math.max(0, Math.min(left - lead, 2 ** 31 - 1)));
}

let renewal = null;

/** Renews the access token with the refresh token (one renewal at a time); true when a new token is held. */
function renewToken() {
  if (state.auth.mode !== 'oidc') return Promise.resolve(false);
  renewal ??= (async () => {
    try {
      const held = await oidc.refresh();
      if (!held) return false;
      session.set(held.accessToken, held.user, { remember: false });
      record('token-refreshed', held.user);
      scheduleExpiry();
      return true;
    } catch (err) {
      record('oidc-error', err.code || err.message);
      return false;
    } finally {
      renewal = null;
    }
  })();
  return renewal;
}

$('#signin-token-use').addEventListener('click', async () => {
  const token = $('#signin-token').value.trim();
  if (!token) return;
  session.set(token, 'token user', { remember: false });
  try {
    const me = await coach.whoami?.();
    if (me?.subject) session.set(token, me.subject, { remember: false });
  } catch { /* the first API call will tell */ }
  await showApp();
});

$('#signout').addEventListener('click', async () => {
  await state.call?.hangUp();
  if (state.auth.mode === 'oidc') {
    // End the provider's session too when it offers RP-initiated logout; it sends the browser back here.
    const url = await oidc.logoutUrl();
    session.clear();
    oidc.forget();
    record('signed-out', url ? 'provider' : 'local');
    if (url) {
      sessionStorage.setItem(SIGNIN_NOTE_KEY, 'You are signed out.');
      location.assign(url);
      return;
    }
    showSignin('You are signed out of CoachKit (the identity provider offers no sign-out: its own session remains).');
    return;
  }
  session.clear();
  location.reload();
});

// ------------------------------------------------------------------ layout and navigation

async function showApp() {
  $('#signin').hidden = true;
  $('#app').hidden = false;
  $('#user-name').textContent = session.user;
  showView('chat');
  newConversation();
  await loadConversations();
}

function showView(name) {
  for (const view of ['chat', 'profile', 'usage']) $(`#view-${view}`).hidden = view !== name;
  $$('.tab').forEach((tab) => {
    if (tab.dataset.view === name) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  });
  if (name === 'profile') loadProfile();
  if (name === 'usage') loadUsage();
  closeNav();
}

$$('.tab').forEach((tab) => tab.addEventListener('click', () => showView(tab.dataset.view)));

function closeNav() {
  document.body.classList.remove('nav-open');
  $('#nav-toggle').setAttribute('aria-expanded', 'false');
}

$('#nav-toggle').addEventListener('click', () => {
  const open = !document.body.classList.contains('nav-open');
  document.body.classList.toggle('nav-open', open);
  $('#nav-toggle').setAttribute('aria-expanded', String(open));
  if (open) $('#new-conversation').focus();
});

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && document.body.classList.contains('nav-open')) {
    closeNav();
    $('#nav-toggle').focus();
  }
});

function notice(text, kind = 'error') {
  const el = $('#notice');
  el.textContent = text || '';
  el.dataset.kind = kind;
  el.hidden = !text;
}

function failed(err) {
  state.lastError = err.message;
  record('error', err.message);
  if (err instanceof ApiError && err.status === 401) {
    // The token was refused (expired, revoked) and could not be renewed: say so, then back to sign-in.
    notice('Your sign-in has expired. Sign in again.');
    record('token-rejected', err.message);
    setTimeout(() => signedOut('Your sign-in has expired or was refused by the server. Sign in again.'), 1200);
    return;
  }
  const retry = err.retryAfter ? ` Try again in ${err.retryAfter} s.` : '';
  notice(`${err.message}${retry}`);
}

// ------------------------------------------------------------------ conversations

async function loadConversations() {
  try {
    state.conversations = await coach.conversations();
  } catch (err) {
    failed(err);
    return;
  }
  renderConversations();
}

function conversationTitle(c) {
  return c.title || 'Conversation';
}

function renderConversations() {
  const list = $('#conversation-list');
  list.replaceChildren(...state.conversations.map((c) => {
    const id = c.id || c.conversationId;
    const when = c.lastActivityAt || c.updatedAt || c.createdAt;
    return h('li', {},
      h('button', {
        type: 'button',
        class: 'conversation',
        'aria-current': id === state.conversationId ? 'true' : null,
        onclick: () => openConversation(id, conversationTitle(c)),
      }, h('span', { class: 'conv-title' }, conversationTitle(c)),
      when && h('time', { datetime: when, class: 'muted small' }, new Date(when).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }))));
  }));
  $('#conversation-empty').hidden = state.conversations.length > 0;
}

function newConversation() {
  state.conversationId = null;
  state.plansShown.clear();
  $('#chat-title').textContent = 'New conversation';
  $('#messages').replaceChildren(welcome());
  $('#suggestions').replaceChildren();
  notice('');
  renderConversations();
}

function welcome() {
  const name = session.user;
  return h('li', { class: 'welcome' },
    h('p', {}, `Hi ${name}! Ask your coach anything — a training plan, what to eat after a run, how your week went.`),
    h('div', { class: 'suggestions inline' },
      ['Make me a 3-day workout plan', 'Plan my meals for fat loss', 'How should I warm up?']
        .map((text) => h('button', { type: 'button', class: 'suggestion', onclick: () => send(text) }, text))));
}

$('#new-conversation').addEventListener('click', () => {
  if (state.call) return;
  newConversation();
  closeNav();
  $('#composer-input').focus();
});

async function openConversation(id, title) {
  if (state.call && id !== state.conversationId) {
    notice('End the call before switching conversations.', 'info');
    return;
  }
  state.conversationId = id;
  state.plansShown.clear();
  $('#chat-title').textContent = title || 'Conversation';
  $('#suggestions').replaceChildren();
  notice('');
  renderConversations();
  closeNav();
  await reloadMessages();
}

async function reloadMessages() {
  if (!state.conversationId) return;
  let messages;
  try {
    messages = await coach.messages(state.conversationId);
  } catch (err) {
    failed(err);
    return;
  }
  // Oldest first on screen.
  messages = [...messages].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)
    || new Date(a.createdAt || 0) - new Date(b.createdAt || 0));
  const list = $('#messages');
  list.replaceChildren();
  for (const m of messages) renderStoredMessage(m);
  list.lastElementChild?.scrollIntoView({ block: 'end' });
  record('history', messages.length);
}

function role(m) {
  return String(m.role || '').toLowerCase();
}

function renderStoredMessage(m) {
  const r = role(m);
  const voice = String(m.channel || '').toUpperCase() === 'VOICE';
  const status = String(m.status || '').toUpperCase();
  if (r === 'tool') {
    const plan = planFromToolResult(m.toolResult || m.result || m.content);
    if (plan) showPlan(plan);
    return;
  }
  if (r === 'assistant' && !m.content && (m.toolCalls || []).length) {
    for (const call of m.toolCalls) addToolChip(call.name);
    return;
  }
  if (r !== 'user' && r !== 'assistant') return;
  const bubble = addBubble(r, m.content || '', { voice, status });
  if (status === 'FAILED') bubble.append(h('p', { class: 'meta' }, 'This reply did not finish.'));
  if (status === 'INTERRUPTED') bubble.append(h('p', { class: 'meta' }, 'Interrupted.'));
}

function addBubble(who, text, { voice = false, status = '' } = {}) {
  const body = h('div', { class: 'text' }, text);
  const li = h('li', { class: `msg ${who}${voice ? ' voice' : ''}`, dataset: { role: who, status: status.toLowerCase() } },
    h('span', { class: 'visually-hidden' }, who === 'user' ? 'You said:' : 'Coach said:'),
    voice && h('span', { class: 'channel', title: 'Said in a voice call' }, 'Voice'),
    body);
  const list = $('#messages');
  list.querySelector('.welcome')?.remove();
  list.append(li);
  li.scrollIntoView({ block: 'end' });
  return li;
}

function addToolChip(name, pending = false) {
  const label = {
    create_workout_plan: 'Creating a workout plan',
    create_nutrition_plan: 'Creating a nutrition plan',
    get_user_progress: 'Looking at your progress',
    search_exercises: 'Searching exercises',
    schedule_follow_up: 'Scheduling a follow-up',
  }[name] || `Using ${words(name)}`;
  const li = h('li', { class: `tool-chip${pending ? ' pending' : ''}`, dataset: { tool: name } }, `⚙ ${label}${pending ? '…' : ''}`);
  $('#messages').append(li);
  return li;
}

async function showPlan(summary) {
  const id = summary.plan_id || summary.planId;
  if (id && state.plansShown.has(id)) return;
  if (id) state.plansShown.add(id);
  const slot = h('li', { class: 'plan-slot' });
  $('#messages').append(slot);
  let plan = summary;
  if (id) {
    try { plan = await coach.plan(id); } catch { plan = summary; }
  }
  slot.append(planCard(plan));
  slot.scrollIntoView({ block: 'end' });
  record('plan', id);
}

function renderSuggestions(done) {
  const box = $('#suggestions');
  const actions = done?.suggestedActions || done?.suggested_actions || [];
  box.replaceChildren(...actions.map((a) => {
    const label = typeof a === 'string' ? a : a.label || a.title || a.text || a.message;
    const message = typeof a === 'string' ? a : a.message || a.prompt || a.label || a.text;
    return h('button', { type: 'button', class: 'suggestion', onclick: () => send(message) }, label);
  }));
}

// ------------------------------------------------------------------ text chat

const input = $('#composer-input');
input.addEventListener('input', autosize);
input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    $('#composer').requestSubmit();
  }
});

function autosize() {
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
}

$('#composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  autosize();
  send(text);
});

async function send(text) {
  if (!text || state.busy) return;
  notice('');
  $('#suggestions').replaceChildren();
  if (state.call && state.call.state !== 'ended') {
    // During a call typed text goes to the call, which stores it in the same conversation.
    state.call.sendText(text);
    addBubble('user', text);
    return;
  }
  state.busy = true;
  $('#send').disabled = true;
  addBubble('user', text);
  const reply = addBubble('assistant', '');
  reply.classList.add('streaming');
  const body = reply.querySelector('.text');
  body.append(h('span', { class: 'typing', 'aria-label': 'Coach is typing' }, h('i'), h('i'), h('i')));
  let chars = 0;
  const chips = new Map();
  try {
    const done = await streamChat(
      { message: text, conversationId: state.conversationId, idempotencyKey: crypto.randomUUID() },
      (event, data) => {
        record(`sse:${event}`, event === 'delta' ? undefined : data);
        if (event === 'delta') {
          const piece = typeof data === 'string' ? data : data.text ?? data.content ?? data.delta ?? '';
          if (chars === 0) body.replaceChildren();
          body.append(piece);
          chars += piece.length;
          window.coachkit.stats.deltas = (window.coachkit.stats.deltas || 0) + 1;
          reply.scrollIntoView({ block: 'end' });
        } else if (event === 'tool_call') {
          const name = data.name || data.toolName || data.call?.name;
          chips.set(data.id || data.callId || name, addToolChip(name, true));
          reply.before(chips.get(data.id || data.callId || name));
        } else if (event === 'tool_result') {
          const chip = chips.get(data.id || data.callId || data.toolCallId || data.name);
          chip?.classList.remove('pending');
          if (chip) chip.textContent = chip.textContent.replace(/…$/, '');
          const plan = planFromToolResult(data);
          if (plan) showPlan(plan).then(() => $('#messages').append(reply));
        } else if (event === 'done') {
          if (data.conversationId) state.conversationId = data.conversationId;
        }
      });
    reply.classList.remove('streaming');
    const content = done.content ?? done.message?.content;
    if (chars === 0 && content) body.replaceChildren(content);
    else if (content && body.textContent !== content) body.replaceChildren(content);
    reply.dataset.messageId = done.messageId || done.id || '';
    renderSuggestions(done);
    if (done.conversationId) state.conversationId = done.conversationId;
    await loadConversations();
    const current = state.conversations.find((c) => (c.id || c.conversationId) === state.conversationId);
    if (current) $('#chat-title').textContent = conversationTitle(current);
    record('reply', done.messageId || done.id);
  } catch (err) {
    reply.classList.remove('streaming');
    reply.dataset.status = 'failed';
    body.replaceChildren(chars ? body.textContent : '');
    reply.append(h('p', { class: 'meta' }, `Not sent: ${err.message}`));
    failed(err);
  } finally {
    state.busy = false;
    $('#send').disabled = false;
  }
}

// ------------------------------------------------------------------ voice

const STATUS_TEXT = {
  idle: 'Voice ready',
  connecting: 'Connecting…',
  listening: 'Listening',
  thinking: 'Thinking…',
  speaking: 'Speaking',
  reconnecting: 'Reconnecting…',
  ended: 'Call ended',
};

function setCallStatus(status, detail) {
  const el = $('#call-status');
  el.dataset.state = status;
  $('#call-status-text').textContent = STATUS_TEXT[status] || words(status);
  el.title = detail || '';
  record('call-status', status);
}

function formatLeft(seconds) {
  const m = Math.floor(seconds / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return `${m}:${s} left`;
}

const live = { user: '', assistant: '' };

const callUi = {
  status: setCallStatus,
  timeLeft(seconds) {
    const el = $('#call-timer');
    el.hidden = seconds === null || seconds === undefined;
    if (!el.hidden) el.textContent = formatLeft(seconds);
    el.classList.toggle('low', seconds !== null && seconds <= 60);
  },
  sessionCreated(info) {
    if (info.conversationId && !state.conversationId) state.conversationId = info.conversationId;
  },
  userTranscript(text, final) {
    live.user = final ? text : live.user + text;
    $('#live-user').textContent = live.user;
    if (final) {
      addBubble('user', text, { voice: true });
      live.user = '';
      record('user-transcript', text);
    }
  },
  assistantTranscript(text, final) {
    live.assistant = final ? text : live.assistant + text;
    $('#live-assistant').textContent = live.assistant;
    if (final) {
      addBubble('assistant', text, { voice: true });
      live.assistant = '';
      record('assistant-transcript', text);
    }
  },
  toolCall(msg) {
    addToolChip(msg.name || msg.call?.name, true);
  },
  toolResult(msg) {
    $$('.tool-chip.pending').forEach((c) => { c.classList.remove('pending'); c.textContent = c.textContent.replace(/…$/, ''); });
    const plan = planFromToolResult(msg.result ? msg : msg.call || msg);
    if (plan) showPlan(plan);
  },
  ending(reason, secondsLeft) {
    notice(`The call ends in ${secondsLeft} s (${words(reason)}).`, 'info');
  },
  callError(code, message) {
    record('call-error', code);
    notice(`Voice: ${message || code}`, 'info');
  },
  failed(err) {
    voiceFailed(err);
  },
  ended() {
    endCallUi();
  },
};

function voiceFailed(err) {
  record('voice-failed', err.code || err.message);
  notice(`${err.message}${/text/i.test(err.message) ? '' : ' You can keep going in text below.'}`);
  $('#composer-input').focus();
}

function endCallUi() {
  const call = state.call;
  state.call = null;
  const button = $('#call-button');
  button.setAttribute('aria-pressed', 'false');
  button.classList.remove('active');
  button.querySelector('.label').textContent = 'Start voice call';
  $('#new-conversation').disabled = false;
  if (call?.conversationId && !state.conversationId) state.conversationId = call.conversationId;
  // The server stored both sides of the call in the conversation: show the stored history. Not when no session
  // was opened (e.g. the microphone was denied), nor over a text reply being streamed meanwhile.
  setTimeout(async () => {
    $('#live').hidden = true;
    if (!call?.sessionId || state.busy) return;
    await reloadMessages();
    await loadConversations();
    const current = state.conversations.find((c) => (c.id || c.conversationId) === state.conversationId);
    if (current) $('#chat-title').textContent = conversationTitle(current);
  }, 600);
}

$('#call-button').addEventListener('click', async () => {
  if (state.call) {
    await state.call.hangUp();
    return;
  }
  notice('');
  const button = $('#call-button');
  button.setAttribute('aria-pressed', 'true');
  button.classList.add('active');
  button.querySelector('.label').textContent = 'End call';
  $('#new-conversation').disabled = true;
  live.user = '';
  live.assistant = '';
  $('#live-user').textContent = '';
  $('#live-assistant').textContent = '';
  $('#live').hidden = false;
  const call = new VoiceCall(callUi, { conversationId: state.conversationId });
  state.call = call;
  try {
    await call.start();
    if (call.conversationId) state.conversationId = call.conversationId;
  } catch (err) {
    const error = err instanceof VoiceError ? err : new VoiceError(`Voice failed: ${err.message}`, 'voice_failed');
    call.finish?.('failed');
    if (call.state !== 'ended') endCallUi();
    setCallStatus('ended', error.code);
    voiceFailed(error);
  }
});

// ------------------------------------------------------------------ profile

const LIST_FIELDS = ['injuries', 'equipment', 'dietaryPreferences', 'allergies'];
const NUMBER_FIELDS = ['birthYear', 'heightCm', 'weightKg'];

async function loadProfile() {
  const status = $('#profile-status');
  status.textContent = 'Loading…';
  try {
    const context = await coach.context();
    const profile = context?.profile || context || {};
    const form = $('#profile-form');
    for (const el of form.elements) {
      if (!el.name) continue;
      const value = profile[el.name];
      if (el.type === 'checkbox') el.checked = !!value;
      else if (Array.isArray(value)) el.value = value.join(', ');
      else if (value !== undefined && value !== null) el.value = value;
    }
    status.textContent = '';
  } catch (err) {
    status.textContent = err.status === 404 ? 'No profile yet.' : `Could not load: ${err.message}`;
  }
}

$('#profile-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.target;
  const status = $('#profile-status');
  const profile = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') profile[el.name] = el.checked;
    else if (LIST_FIELDS.includes(el.name)) profile[el.name] = el.value.split(',').map((s) => s.trim()).filter(Boolean);
    else if (NUMBER_FIELDS.includes(el.name)) { if (el.value) profile[el.name] = Number(el.value); }
    else if (el.value) profile[el.name] = el.value.trim();
  }
  status.textContent = 'Saving…';
  try {
    await coach.saveProfile(profile);
    status.textContent = 'Saved.';
  } catch (err) {
    const fields = (err.problem?.violations || err.problem?.errors || [])
      .map((v) => `${v.field || v.name || ''} ${v.message || ''}`.trim()).join('; ');
    status.textContent = `Not saved: ${err.message}${fields ? ` (${fields})` : ''}`;
  }
});

// ------------------------------------------------------------------ usage

function isoDay(d) {
  return d.toISOString().slice(0, 10);
}

async function loadUsage(e) {
  e?.preventDefault();
  const form = $('#usage-form');
  if (!form.from.value) form.from.value = isoDay(new Date(Date.now() - 29 * 86400000));
  if (!form.to.value) form.to.value = isoDay(new Date());
  const status = $('#usage-status');
  status.textContent = 'Loading…';
  try {
    const from = new Date(`${form.from.value}T00:00:00`).toISOString();
    const to = new Date(new Date(`${form.to.value}T00:00:00`).getTime() + 86400000).toISOString();
    const usage = await coach.usage(from, to);
    renderUsage(usage);
    status.textContent = '';
  } catch (err) {
    status.textContent = `Could not load usage: ${err.message}`;
  }
}

$('#usage-form').addEventListener('submit', loadUsage);

function renderUsage(usage) {
  const total = usage?.total || usage || {};
  const tokens = total.tokens || {};
  const num = (...values) => values.find((v) => typeof v === 'number') ?? 0;
  const input = num(tokens.inputTokens, tokens.input, tokens.promptTokens, total.inputTokens);
  const output = num(tokens.outputTokens, tokens.output, tokens.completionTokens, total.outputTokens);
  const all = num(tokens.totalTokens, tokens.total, total.totalTokens, input + output);
  const audioSeconds = num(total.audioSecondsIn, 0) + num(total.audioSecondsOut, 0);
  const audioMinutes = num(total.audioMinutes, audioSeconds / 60);
  const cost = num(total.costUsd, total.cost, num(total.costMicros) / 1e6);
  const card = (label, value, sub) => [h('div', { class: 'usage-card' }, h('dt', {}, label), h('dd', {}, value), sub && h('dd', { class: 'muted small' }, sub))];
  $('#usage').replaceChildren(
    ...card('Tokens', all.toLocaleString(), `${input.toLocaleString()} in · ${output.toLocaleString()} out`),
    ...card('Audio', `${audioMinutes.toFixed(1)} min`, 'voice calls, both directions'),
    ...card('Cost', `$${cost.toFixed(cost < 1 ? 4 : 2)}`, 'at the server\'s price table'),
    ...card('Responses', num(total.responses, 0).toLocaleString(), 'model replies'));
}

// ------------------------------------------------------------------ delete my data

const dialog = $('#delete-dialog');
$('#delete-open').addEventListener('click', () => {
  $('#delete-confirm').value = '';
  $('#delete-confirm-button').disabled = true;
  $('#delete-error').textContent = '';
  dialog.showModal();
  $('#delete-confirm').focus();
});
$('#delete-confirm').addEventListener('input', (e) => {
  $('#delete-confirm-button').disabled = e.target.value.trim() !== 'DELETE';
});
$('#delete-form').addEventListener('submit', async (e) => {
  if (e.submitter?.value !== 'confirm') return;
  e.preventDefault();
  try {
    await coach.deleteMe();
    dialog.close();
    record('deleted', session.user);
    session.clear();
    oidc.forget();
    sessionStorage.setItem(SIGNIN_NOTE_KEY, 'Your data was deleted from this server.');
    location.reload();
  } catch (err) {
    $('#delete-error').textContent = `Not deleted: ${err.message}`;
  }
});

// ------------------------------------------------------------------ start

async function start() {
  try {
    state.auth = await clientConfig();
  } catch (err) {
    state.auth = { mode: 'local' };
    record('client-config-failed', err.message);
  }
  window.coachkit.auth = state.auth;
  if (state.auth.mode === 'oidc') {
    onTokenRejected(renewToken);
    if (oidc.isCallback()) {
      await completeOidcLogin();
      return;
    }
    const held = oidc.heldTokens();
    if (session.token && held?.accessToken === session.token) {
      scheduleExpiry();
      await showApp();
      return;
    }
    session.clear();
    showSignin();
    return;
  }
  if (session.token) await showApp();
  else showSignin();
}

start();
