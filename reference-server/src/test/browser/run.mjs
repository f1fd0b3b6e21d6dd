#!/usr/bin/env node
// Browser scenarios for the CoachKit web client, driven by playwright-core in Debian's Chromium (never a
// downloaded browser). Run by dev.coachkit.server.browser.WebClientBrowserTest, which starts the server and the
// OpenAI simulators and scripts them first; can also be run by hand against a running server:
//
//   node run.mjs <baseUrl> <scenario> [options-json]
//
// scenario: sign-in | text-chat | plan-card | voice-call | mic-denied | profile | usage | delete-data   (local issuer)
//           oidc-sign-in | oidc-state-tampered | oidc-wrong-verifier | oidc-refresh | oidc-expiry  (identity provider)
//           all (the local ones; comma-separated lists work too)
// options-json: {"screenshots": dir, "expect": {...texts the simulators were scripted to say...},
//                "chromium": "/usr/bin/chromium", "timeoutMs": 30000}
// Prints one JSON line per scenario on stdout ({"scenario", "passed", "checks", "error", "screenshots"}) and exits
// 0 only if every scenario passed. Diagnostics go to stderr.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, scenarioArg = 'all', optionsJson = '{}'] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node run.mjs <baseUrl> <scenario> [options-json]');
  process.exit(2);
}
const options = JSON.parse(optionsJson);
const executablePath = options.chromium || process.env.CHROMIUM || '/usr/bin/chromium';
const shotDir = resolve(options.screenshots || 'target/screenshots');
const timeout = options.timeoutMs || 30000;
const expect = options.expect || {};
mkdirSync(shotDir, { recursive: true });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const BASE_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

const current = { name: '', succeeded: false };
const log = (...args) => console.error('[browser]', ...args);

class Check {
  constructor() { this.results = {}; }
  that(name, ok, detail) {
    this.results[name] = { ok: !!ok, detail };
    if (!ok) throw new Error(`check failed: ${name}${detail !== undefined ? ` (${JSON.stringify(detail)})` : ''}`);
  }
}

async function launch({ micWav, fakeUi }) {
  const profile = mkdtempSync(join(tmpdir(), 'coachkit-chromium-'));
  const args = [...BASE_FLAGS, `--user-data-dir=${profile}`];
  if (micWav) {
    args.push('--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${micWav}`);
    if (fakeUi) args.push('--use-fake-ui-for-media-stream');
  }
  // playwright-core adds its own --user-data-dir unless launchPersistentContext is used: use that.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: args.filter((a) => !a.startsWith('--user-data-dir') && a !== '--headless'),
    viewport: DESKTOP,
    ignoreDefaultArgs: ['--mute-audio'],
  });
  context.setDefaultTimeout(timeout);
  const close = async () => {
    const page = context.pages()[0];
    if (!current.succeeded && page && !page.isClosed()) {
      await page.screenshot({ path: join(shotDir, `${current.name}-failure.png`) }).catch(() => {});
    }
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Runs a scenario's body on a fresh browser's page at the client, closing the browser whatever happens. */
async function inBrowser(options, body) {
  const browser = await launch(options);
  try {
    return await body(await openPage(browser.context));
  } finally {
    await browser.close();
  }
}

async function openPage(context) {
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') log('console', m.type(), m.text()); });
  page.on('pageerror', (e) => log('pageerror', e.message));
  await page.goto(baseUrl);
  return page;
}

async function signIn(page, user) {
  await page.getByLabel('Local user name').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#app').waitFor({ state: 'visible' });
}

async function shots(page, name) {
  const files = [];
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(150);
  files.push(join(shotDir, `${name}-desktop.png`));
  await page.screenshot({ path: files[0] });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(150);
  const last = page.locator('#messages > li').last();
  if (await page.locator('#messages > li').count() > 0 && await last.isVisible()) {
    await last.scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => {});
  }
  files.push(join(shotDir, `${name}-phone.png`));
  await page.screenshot({ path: files[1] });
  await page.setViewportSize(DESKTOP);
  return files;
}

async function stats(page) {
  return page.evaluate(() => JSON.parse(JSON.stringify({ ...window.coachkit.stats, events: undefined })));
}

async function sendText(page, text) {
  await page.getByLabel('Message your coach').fill(text);
  await page.keyboard.press('Enter');
}

function lastAssistant(page) {
  return page.locator('#messages .msg.assistant').last();
}

async function waitForReply(page) {
  await page.waitForFunction(() => !window.coachkit.state.busy && document.querySelector('#messages .msg.assistant')
    && !document.querySelector('#messages .msg.assistant.streaming'));
  return (await lastAssistant(page).locator('.text').textContent()).trim();
}

/** An API call from the page with the token it holds (what the server has, not what the page shows). */
async function apiFromPage(page, path) {
  return page.evaluate(async (p) => {
    const token = sessionStorage.getItem('coachkit.token');
    const r = await fetch(p, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
    return { status: r.status, body: r.status === 204 ? null : await r.json().catch(() => null) };
  }, path);
}

async function openTab(page, name) {
  const tab = page.getByRole('button', { name, exact: true });
  await tab.click();
  await page.locator(`#view-${await tab.getAttribute('data-view')}`).waitFor({ state: 'visible' });
}

async function usageCard(page, label) {
  const card = page.locator('#usage .usage-card').filter({ has: page.locator('dt', { hasText: label }) });
  const values = await card.locator('dd').allTextContents();
  return { value: values[0]?.trim(), sub: values[1]?.trim() };
}

async function showUsage(page) {
  await openTab(page, 'Usage');
  await page.waitForFunction(() => document.querySelector('#usage-status').textContent === ''
    && document.querySelectorAll('#usage .usage-card').length > 0);
}

const oidcUrl = (path) => `${expect.issuer}/protocol/openid-connect/${path}`;

/** Clicks the OIDC sign-in button and logs in at the provider's page; returns the authorization request URL. */
async function signInAtProvider(page, user, { shotName } = {}) {
  const button = page.getByRole('button', { name: 'Sign in with your account' });
  await button.click();
  await page.waitForURL((u) => u.href.startsWith(expect.issuer));
  const authorization = new URL(page.url());
  await page.getByLabel('Username').waitFor();
  const providerShots = shotName ? await shots(page, shotName) : [];
  await page.getByLabel('Username').fill(user);
  await page.getByRole('button', { name: 'Log in' }).click();
  return { authorization, providerShots };
}

// ------------------------------------------------------------------ scenarios

const scenarios = {
  async 'sign-in'(check) {
    return inBrowser({}, async (page) => {
      const field = page.getByLabel('Local user name');
      await field.waitFor();
      check.that('sign-in field has focus', await field.evaluate((el) => el === document.activeElement));
      const signinShots = await shots(page, 'sign-in');
      await field.fill('not a name!');
      await page.keyboard.press('Enter');
      const error = await page.locator('#signin-error').textContent();
      check.that('an invalid name is explained', /letters, digits/.test(error), error);
      const user = expect.user || `signin-${Date.now()}`;
      await field.fill(user);
      await page.keyboard.press('Enter');
      await page.locator('#app').waitFor({ state: 'visible' });
      check.that('signed-in user shown', (await page.locator('#user-name').textContent()) === user);
      const token = await page.evaluate(() => sessionStorage.getItem('coachkit.token'));
      const who = await page.evaluate(async (t) => (await fetch('/api/coach/whoami', { headers: { Authorization: `Bearer ${t}` } })).json(), token);
      check.that('the local token authenticates the user', who.subject === user, who);
      // Keyboard: the tabs switch views.
      await page.getByRole('button', { name: 'Profile' }).focus();
      await page.keyboard.press('Enter');
      check.that('profile view by keyboard', await page.locator('#view-profile').isVisible());
      await page.getByRole('button', { name: 'Coach' }).click();
      check.that('call button labelled', await page.getByRole('button', { name: 'Start voice call' }).isVisible());
      check.that('composer labelled', await page.getByLabel('Message your coach').isVisible());
      const appShots = await shots(page, 'signed-in');
      current.succeeded = true;
      return [...signinShots, ...appShots];
    });
  },

  async 'text-chat'(check) {
    return inBrowser({}, async (page) => {
      await signIn(page, expect.user || `text-${Date.now()}`);
      const message = expect.userMessage || 'How should I warm up before a run?';
      await sendText(page, message);
      const reply = lastAssistant(page);
      await page.waitForFunction(() => !document.querySelector('#messages .msg.assistant.streaming')
        && document.querySelector('#messages .msg.assistant'));
      const text = (await reply.locator('.text').textContent()).trim();
      check.that('reply shows the text the model streamed', !expect.reply || text === expect.reply, text);
      const s = await stats(page);
      check.that('reply arrived in several SSE deltas', (s.deltas || 0) >= (expect.minDeltas || 2), s.deltas);
      check.that('user message shown', (await page.locator('#messages .msg.user').last().textContent()).includes(message));
      await page.locator('#conversation-list .conversation').first().waitFor();
      check.that('conversation listed in history', await page.locator('#conversation-list .conversation').count() >= 1);
      const suggestions = await page.locator('#suggestions .suggestion').count();
      check.results['suggested action buttons'] = { ok: true, detail: suggestions };
      // The history shows the stored turn after a reload.
      await page.reload();
      await page.locator('#conversation-list .conversation').first().click();
      await page.locator('#messages .msg.assistant').first().waitFor();
      const stored = await page.locator('#messages .msg.assistant').last().locator('.text').textContent();
      check.that('stored reply in the conversation history', !expect.reply || stored.trim() === expect.reply, stored);
      current.succeeded = true;
      return await shots(page, 'text-chat');
    });
  },

  async 'plan-card'(check) {
    return inBrowser({}, async (page) => {
      await signIn(page, expect.user || `plan-${Date.now()}`);
      await sendText(page, expect.userMessage || 'Make me a 3-day workout plan for strength');
      const card = page.locator('.plan-card[data-kind="workout"]');
      await card.waitFor();
      await page.waitForFunction(() => !document.querySelector('#messages .msg.assistant.streaming'));
      const days = await card.locator('.plan-day').count();
      check.that('plan card lists the workout days', days >= (expect.minDays || 1), days);
      const exercises = await card.locator('.exercises li').count();
      check.that('plan card lists exercises', exercises >= days, exercises);
      const chip = await page.locator('.tool-chip[data-tool="create_workout_plan"]').count();
      check.that('tool call shown', chip >= 1, chip);
      const text = (await lastAssistant(page).locator('.text').textContent()).trim();
      check.that('final reply after the tool', !expect.reply || text === expect.reply, text);
      current.succeeded = true;
      return await shots(page, 'plan-card');
    });
  },

  async 'voice-call'(check) {
    const wav = makeSpeechWav(expect.speech || 'What should I train today?', expect.leadSilenceMs ?? 3000,
      expect.repeats ?? 4, expect.gapMs ?? 7000);
    const browser = await launch({ micWav: wav, fakeUi: true });
    try {
      const page = await openPage(browser.context);
      await signIn(page, expect.user || `voice-${Date.now()}`);
      await page.getByRole('button', { name: 'Start voice call' }).click();
      await page.waitForFunction(() => ['listening', 'speaking', 'thinking'].includes(window.coachkit.state.call?.state));
      check.that('status indicator shows the call', ['Listening', 'Speaking', 'Thinking…']
        .includes(await page.locator('#call-status-text').textContent()));
      check.that('time left shown', await page.locator('#call-timer').isVisible());
      // The user's speech reaches the server (and the simulator's VAD): the user transcript comes back.
      const userBubble = page.locator('#messages .msg.user.voice').first();
      await userBubble.waitFor({ timeout: timeout * 2 });
      const userText = (await userBubble.locator('.text').textContent()).trim();
      check.that('user transcript shown', !expect.userTranscript || userText === expect.userTranscript, userText);
      await page.waitForFunction((want) => [...document.querySelectorAll('#messages .msg.assistant.voice .text')]
        .some((e) => e.textContent.trim() === want), expect.assistantTranscript || '', { timeout: timeout * 2 })
        .catch(() => {});
      const assistantTexts = await page.locator('#messages .msg.assistant.voice .text').allTextContents();
      check.that('assistant transcript shown', assistantTexts.length > 0
        && (!expect.assistantTranscript || assistantTexts.map((t) => t.trim()).includes(expect.assistantTranscript)), assistantTexts);
      await page.waitForFunction(() => window.coachkit.stats.samplesPlayed > 0, null, { timeout });
      const live = await stats(page);
      check.that('microphone audio sent as PCM16 frames', live.framesSent > 10 && live.bytesSent === live.framesSent * 960, live);
      check.that('assistant audio played', live.samplesPlayed > 0, live.samplesPlayed);
      const during = await shots(page, 'voice-call');
      if (expect.bargeIn) {
        // The user speaks again while a long answer is playing: playback stops at once and the heard part is
        // reported to the server (which truncates the model's turn there).
        await page.waitForFunction(() => window.coachkit.stats.flushes > 0, null, { timeout: timeout * 2 });
        const b = await stats(page);
        check.that('barge-in flushed playback and reported the played position',
          b.flushes > 0 && b.lastPlaybackPositionMs > 0, { flushes: b.flushes, playedMs: b.lastPlaybackPositionMs });
      }
      await page.getByRole('button', { name: 'End call' }).click();
      await page.waitForFunction(() => window.coachkit.state.call === null);
      await page.waitForFunction(() => window.coachkit.events.filter((e) => e.type === 'history').length > 0, null, { timeout });
      // After the call the page reloads the conversation from the server: both sides must be stored.
      await page.waitForFunction(() => document.querySelectorAll('#messages .msg').length >= 2);
      const storedUser = await page.locator('#messages .msg.user').allTextContents();
      const storedAssistant = await page.locator('#messages .msg.assistant').allTextContents();
      check.that('user transcript stored in history', storedUser.some((t) => !expect.userTranscript || t.includes(expect.userTranscript)), storedUser);
      check.that('assistant transcript stored in history', storedAssistant.some((t) => !expect.assistantTranscript || t.includes(expect.assistantTranscript)), storedAssistant);
      const end = await stats(page);
      check.results['samples played'] = { ok: true, detail: end.samplesPlayed };
      check.that('status shows ended', (await page.locator('#call-status-text').textContent()) === 'Call ended');
      const after = await shots(page, 'voice-call-after');
      current.succeeded = true;
      return [...during, ...after];
    } finally {
      await browser.close();
      rmSync(wav, { force: true });
    }
  },

  async 'mic-denied'(check) {
    // A microphone exists, but without --use-fake-ui-for-media-stream and with no permission granted headless
    // Chromium denies getUserMedia: the page must say why and carry on in text, in the same conversation.
    const wav = makeSpeechWav('hello', 200);
    const browser = await launch({ micWav: wav, fakeUi: false });
    try {
      await browser.context.clearPermissions();
      const page = await openPage(browser.context);
      await signIn(page, expect.user || `denied-${Date.now()}`);
      await sendText(page, expect.firstMessage || 'Hi coach');
      await page.waitForFunction(() => window.coachkit.state.conversationId && !window.coachkit.state.busy);
      const conversation = await page.evaluate(() => window.coachkit.state.conversationId);
      await page.getByRole('button', { name: 'Start voice call' }).click();
      const note = page.locator('#notice');
      await note.waitFor({ state: 'visible' });
      const text = await note.textContent();
      check.that('the page says the microphone was denied', /denied/i.test(text), text);
      check.that('the page offers text instead', /text/i.test(text), text);
      check.that('status shows ended', (await page.locator('#call-status-text').textContent()) === 'Call ended');
      check.that('composer has focus', await page.evaluate(() => document.activeElement?.id === 'composer-input'));
      const shotsDenied = await shots(page, 'mic-denied');
      await sendText(page, expect.userMessage || 'Then let us talk in text.');
      await page.waitForFunction(() => !window.coachkit.state.busy && !document.querySelector('.msg.assistant.streaming'));
      const reply = (await lastAssistant(page).locator('.text').textContent()).trim();
      check.that('text reply after the fallback', !expect.reply || reply === expect.reply, reply);
      const same = await page.evaluate(() => window.coachkit.state.conversationId);
      check.that('same conversation', same === conversation, { before: conversation, after: same });
      const noSession = await page.evaluate(() => window.coachkit.events.filter((e) => e.type === 'voice-failed').map((e) => e.detail));
      check.that('failure reason is mic_denied', noSession.includes('mic_denied'), noSession);
      const textShots = await shots(page, 'mic-denied-text');
      current.succeeded = true;
      return [...shotsDenied, ...textShots];
    } finally {
      await browser.close();
      rmSync(wav, { force: true });
    }
  },

  async profile(check) {
    const browser = await launch({});
    try {
      const page = await openPage(browser.context);
      await signIn(page, expect.user);
      await openTab(page, 'Profile');
      await page.waitForFunction(() => document.querySelector('#profile-status').textContent !== 'Loading…');
      const form = page.locator('#profile-form');
      const profile = expect.profile;
      for (const [name, value] of Object.entries(profile)) {
        const field = form.locator(`[name="${name}"]`);
        const tag = await field.evaluate((el) => el.tagName + (el.type === 'checkbox' ? ':checkbox' : ''));
        if (tag === 'SELECT') await field.selectOption(String(value));
        else if (tag.endsWith(':checkbox')) await field.setChecked(!!value);
        else await field.fill(Array.isArray(value) ? value.join(', ') : String(value));
      }
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.waitForFunction(() => /^(Saved\.|Not saved)/.test(document.querySelector('#profile-status').textContent));
      const status = await page.locator('#profile-status').textContent();
      check.that('the page says the profile was saved', status === 'Saved.', status);
      const saved = await shots(page, 'profile-saved');
      const context = await apiFromPage(page, '/api/coach/context');
      const stored = context.body?.profile || {};
      for (const [name, value] of Object.entries(profile)) {
        check.that(`server has ${name}`, JSON.stringify(stored[name]) === JSON.stringify(value), { stored: stored[name], value });
      }
      // A fresh page reads the profile back from the server.
      await page.reload();
      await page.locator('#app').waitFor({ state: 'visible' });
      await openTab(page, 'Profile');
      await page.waitForFunction(() => document.querySelector('#profile-status').textContent === '');
      const name = await form.locator('[name="name"]').inputValue();
      check.that('the form shows the stored profile after a reload', name === profile.name, name);
      const injuries = await form.locator('[name="injuries"]').inputValue();
      check.that('lists come back comma separated', injuries === (profile.injuries || []).join(', '), injuries);
      const reloaded = await shots(page, 'profile-reloaded');
      current.succeeded = true;
      return [...saved, ...reloaded];
    } finally {
      await browser.close();
    }
  },

  async usage(check) {
    return inBrowser({}, async (page) => {
      await signIn(page, expect.user);
      await showUsage(page);
      const before = await usageCard(page, 'Tokens');
      check.that('no tokens before the first turn', before.value === '0', before);
      await openTab(page, 'Coach');
      await sendText(page, expect.userMessage);
      const reply = await waitForReply(page);
      check.that('the chat turn succeeded', !expect.reply || reply === expect.reply, reply);
      await showUsage(page);
      const tokens = await usageCard(page, 'Tokens');
      const cost = await usageCard(page, 'Cost');
      const responses = await usageCard(page, 'Responses');
      const server = (await apiFromPage(page, '/api/coach/usage')).body;
      const total = server.tokens.inputTokens + server.tokens.outputTokens;
      check.that('tokens shown are the server\'s', tokens.value === total.toLocaleString('en-US') && total > 0,
        { shown: tokens, server: server.tokens });
      check.that('tokens split in and out', tokens.sub === `${server.tokens.inputTokens.toLocaleString('en-US')} in · ${server.tokens.outputTokens.toLocaleString('en-US')} out`, tokens.sub);
      const shownCost = Number(cost.value.replace(/^\$/, ''));
      check.that('cost shown is the server\'s and not zero', shownCost > 0
        && Math.abs(shownCost - Number(server.costUsd)) < 0.00005, { shown: cost.value, server: server.costUsd });
      check.that('responses counted', responses.value === String(server.responses) && server.responses >= 1,
        { shown: responses.value, server: server.responses });
      check.results['usage'] = { ok: true, detail: { tokens: server.tokens, costUsd: server.costUsd } };
      current.succeeded = true;
      return await shots(page, 'usage');
    });
  },

  async 'delete-data'(check) {
    return inBrowser({}, async (page) => {
      await signIn(page, expect.user);
      await sendText(page, expect.userMessage);
      await waitForReply(page);
      const conversationsBefore = (await apiFromPage(page, '/api/coach/conversations')).body;
      const countOf = (reply) => (Array.isArray(reply) ? reply : reply?.conversations || reply?.items || []).length;
      check.that('a conversation exists', countOf(conversationsBefore) === 1, conversationsBefore);
      await openTab(page, 'Profile');
      // First the user changes their mind: Cancel deletes nothing.
      await page.getByRole('button', { name: 'Delete my data…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const confirm = page.getByRole('button', { name: 'Delete everything' });
      check.that('delete is disabled until DELETE is typed', await confirm.isDisabled());
      await page.getByLabel('Confirmation').fill('delete');
      check.that('a lower-case word does not confirm', await confirm.isDisabled());
      await page.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const afterCancel = (await apiFromPage(page, '/api/coach/conversations')).body;
      check.that('cancel changes nothing', countOf(afterCancel) === 1, afterCancel);
      // Then for real.
      await page.getByRole('button', { name: 'Delete my data…' }).click();
      await page.getByLabel('Confirmation').fill('DELETE');
      check.that('DELETE enables the button', await confirm.isEnabled());
      const dialogShots = await shots(page, 'delete-dialog');
      await confirm.click();
      await page.locator('#signin').waitFor({ state: 'visible' });
      const message = await page.locator('#signin-message').textContent();
      check.that('the page says the data was deleted', /deleted/i.test(message), message);
      check.that('signed out', await page.evaluate(() => sessionStorage.getItem('coachkit.token')) === null);
      const doneShots = await shots(page, 'delete-done');
      // Signing in again as the same user finds nothing.
      await signIn(page, expect.user);
      const after = (await apiFromPage(page, '/api/coach/conversations')).body;
      check.that('no conversations after the deletion', countOf(after) === 0, after);
      await page.locator('#conversation-empty').waitFor({ state: 'visible' });
      current.succeeded = true;
      return [...dialogShots, ...doneShots];
    });
  },

  async 'oidc-sign-in'(check) {
    return inBrowser({}, async (page) => {
      const button = page.getByRole('button', { name: 'Sign in with your account' });
      await button.waitFor();
      check.that('no local user form with an identity provider', !(await page.locator('#signin-form').isVisible()));
      check.that('the provider is named', (await page.locator('#signin-issuer').textContent()) === expect.issuer);
      check.that('sign-in button has focus', await button.evaluate((el) => el === document.activeElement));
      const signinShots = await shots(page, 'oidc-sign-in');
      const { authorization, providerShots } = await signInAtProvider(page, expect.user, { shotName: 'oidc-provider' });
      const p = authorization.searchParams;
      check.that('authorization request: code flow with PKCE S256', p.get('response_type') === 'code'
        && p.get('code_challenge_method') === 'S256' && /^[A-Za-z0-9_-]{43}$/.test(p.get('code_challenge') || ''),
        Object.fromEntries(p));
      check.that('authorization request: state, nonce, client and redirect URI', p.get('state')?.length >= 16
        && p.get('nonce')?.length >= 16 && p.get('client_id') === expect.clientId && p.get('redirect_uri') === baseUrl,
        Object.fromEntries(p));
      await page.locator('#app').waitFor({ state: 'visible' });
      check.that('the code is gone from the address bar', !new URL(page.url()).search, page.url());
      check.that('signed-in user shown', (await page.locator('#user-name').textContent()) === expect.user);
      const pending = await page.evaluate(() => sessionStorage.getItem('coachkit.oidc.pending'));
      check.that('the pending login is spent', pending === null, pending);
      const who = await apiFromPage(page, '/api/coach/whoami');
      check.that('the server accepts the provider\'s access token', who.status === 200
        && who.body.subject === expect.subject, who);
      await sendText(page, expect.userMessage);
      const reply = await waitForReply(page);
      check.that('a chat turn with the provider\'s token succeeds', reply === expect.reply, reply);
      const chatShots = await shots(page, 'oidc-chat');
      await page.locator('#signout').click();
      await page.locator('#signin-oidc').waitFor({ state: 'visible' });
      const message = await page.locator('#signin-message').textContent();
      check.that('signed out, back from the provider\'s logout', /signed out/i.test(message), message);
      const left = await page.evaluate(() => [sessionStorage.getItem('coachkit.token'), sessionStorage.getItem('coachkit.oidc.tokens')]);
      check.that('no token kept after sign-out', left[0] === null && left[1] === null, left);
      const outShots = await shots(page, 'oidc-signed-out');
      current.succeeded = true;
      return [...signinShots, ...providerShots, ...chatShots, ...outShots];
    });
  },

  async 'oidc-state-tampered'(check) {
    return inBrowser({}, async (page) => {
      // A man in the middle swaps the state of the provider's redirect back to the client.
      await page.route((u) => u.href.startsWith(oidcUrl('auth')), async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const response = await route.fetch({ maxRedirects: 0 });
        const location = new URL(response.headers().location);
        location.searchParams.set('state', `forged${location.searchParams.get('state')}`);
        return route.fulfill({ status: 302, headers: { location: location.href } });
      });
      await page.getByRole('button', { name: 'Sign in with your account' }).waitFor();
      await signInAtProvider(page, expect.user);
      await page.waitForFunction(() => document.querySelector('#signin-oidc-error')?.textContent);
      const error = await page.locator('#signin-oidc-error').textContent();
      check.that('the page says the state did not match', /state mismatch/i.test(error), error);
      check.that('not signed in', !(await page.locator('#app').isVisible())
        && await page.evaluate(() => sessionStorage.getItem('coachkit.token')) === null);
      check.that('the code is gone from the address bar', !new URL(page.url()).search, page.url());
      const codes = await page.evaluate(() => window.coachkit.events.filter((e) => e.type === 'oidc-error').map((e) => e.detail));
      check.that('refused as state_mismatch', codes.includes('state_mismatch'), codes);
      current.succeeded = true;
      return await shots(page, 'oidc-state-tampered');
    });
  },

  async 'oidc-wrong-verifier'(check) {
    return inBrowser({}, async (page) => {
      // The code exchange leaves with another verifier than the one whose hash went to the provider.
      await page.route(oidcUrl('token'), async (route) => {
        const form = new URLSearchParams(route.request().postData() || '');
        if (form.get('code_verifier')) form.set('code_verifier', [...form.get('code_verifier')].reverse().join(''));
        return route.continue({ postData: form.toString() });
      });
      await page.getByRole('button', { name: 'Sign in with your account' }).waitFor();
      await signInAtProvider(page, expect.user);
      await page.waitForFunction(() => document.querySelector('#signin-oidc-error')?.textContent);
      const error = await page.locator('#signin-oidc-error').textContent();
      check.that('the page gives the provider\'s reason', /invalid_grant/.test(error) && /PKCE/.test(error), error);
      check.that('not signed in', !(await page.locator('#app').isVisible())
        && await page.evaluate(() => sessionStorage.getItem('coachkit.token')) === null);
      current.succeeded = true;
      return await shots(page, 'oidc-wrong-verifier');
    });
  },

  async 'oidc-refresh'(check) {
    return inBrowser({}, async (page) => {
      await page.getByRole('button', { name: 'Sign in with your account' }).waitFor();
      await signInAtProvider(page, expect.user);
      await page.locator('#app').waitFor({ state: 'visible' });
      const first = await page.evaluate(() => sessionStorage.getItem('coachkit.token'));
      // Outlive the first access token; the page renews it with the refresh token before it expires.
      await page.waitForTimeout((expect.accessTokenSeconds || 4) * 1000 + 1500);
      await sendText(page, expect.userMessage);
      const reply = await waitForReply(page);
      check.that('a chat turn after the first token expired succeeds', reply === expect.reply, reply);
      const now = await page.evaluate(() => sessionStorage.getItem('coachkit.token'));
      check.that('the access token was replaced', now && now !== first);
      const refreshed = await page.evaluate(() => window.coachkit.events.filter((e) => e.type === 'token-refreshed').length);
      check.that('renewed with the refresh token', refreshed >= 1, refreshed);
      check.that('still signed in', await page.locator('#app').isVisible());
      current.succeeded = true;
      return await shots(page, 'oidc-refresh');
    });
  },

  async 'oidc-expiry'(check) {
    return inBrowser({}, async (page) => {
      await page.getByRole('button', { name: 'Sign in with your account' }).waitFor();
      await signInAtProvider(page, expect.user);
      await page.locator('#app').waitFor({ state: 'visible' });
      // No refresh token: when the access token expires the page says so and offers to sign in again.
      await page.locator('#signin').waitFor({ state: 'visible', timeout: ((expect.accessTokenSeconds || 4) + 10) * 1000 });
      const message = await page.locator('#signin-message').textContent();
      check.that('the page says the sign-in expired', /expired/i.test(message), message);
      check.that('token dropped', await page.evaluate(() => sessionStorage.getItem('coachkit.token')) === null);
      check.that('sign-in offered again', await page.getByRole('button', { name: 'Sign in with your account' }).isVisible());
      const expired = await page.evaluate(() => window.coachkit.events.some((e) => e.type === 'token-expired'));
      check.that('expiry noticed by the page, not by a failing call', expired);
      current.succeeded = true;
      return await shots(page, 'oidc-expiry');
    });
  },
};

// A WAV the fake microphone plays (Chromium loops it from the moment capture starts): lead silence, then the
// phrase spoken by espeak-ng `repeats` times with `gapMs` of silence after each (the call may become live only
// after the first one: audio before session_ready is not relayed), then a long silence.
function makeSpeechWav(text, leadSilenceMs, repeats = 1, gapMs = 7000) {
  const dir = mkdtempSync(join(tmpdir(), 'coachkit-wav-'));
  const spoken = join(dir, 'spoken.wav');
  execFileSync('espeak-ng', ['-v', 'en-us', '-s', '150', '-a', '180', '-w', spoken, text]);
  const wav = readFileSync(spoken);
  const fmt = findChunk(wav, 'fmt ');
  const channels = wav.readUInt16LE(fmt + 2);
  const rate = wav.readUInt32LE(fmt + 4);
  const bits = wav.readUInt16LE(fmt + 14);
  if (bits !== 16 || channels !== 1) throw new Error(`unexpected espeak-ng output: ${bits} bits, ${channels} channels`);
  const dataAt = findChunk(wav, 'data');
  const size = Math.min(wav.readUInt32LE(dataAt - 4), wav.length - dataAt);
  const pcm = wav.subarray(dataAt, dataAt + size);
  const silence = (ms) => Buffer.alloc(Math.round((rate * ms) / 1000) * 2);
  const parts = [silence(leadSilenceMs)];
  for (let i = 0; i < repeats; i++) parts.push(pcm, silence(gapMs));
  parts.push(silence(60000));
  const data = Buffer.concat(parts);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  const out = join(dir, 'mic.wav');
  writeFileSync(out, Buffer.concat([header, data]));
  rmSync(spoken);
  return out;
}

function findChunk(wav, id) {
  let at = 12;
  while (at + 8 <= wav.length) {
    const size = wav.readUInt32LE(at + 4);
    if (wav.toString('ascii', at, at + 4) === id) return at + 8;
    at += 8 + size + (size % 2);
  }
  throw new Error(`no ${id} chunk in the WAV`);
}

// ------------------------------------------------------------------ main

process.on('unhandledRejection', (err) => {
  log('unhandled rejection:', err?.stack || err);
});

const names = scenarioArg === 'all' ? Object.keys(scenarios).filter((n) => !n.startsWith('oidc-')) : scenarioArg.split(',');
let failed = 0;
if (!existsSync(executablePath)) {
  console.error(`no Chromium at ${executablePath}`);
  process.exit(3);
}
for (const name of names) {
  const scenario = scenarios[name];
  const check = new Check();
  const result = { scenario: name, passed: false, checks: check.results, screenshots: [] };
  if (!scenario) {
    result.error = `unknown scenario ${name}`;
  } else {
    const started = Date.now();
    try {
      current.name = name;
      current.succeeded = false;
      rmSync(join(shotDir, `${name}-failure.png`), { force: true });
      result.screenshots = await scenario(check);
      result.passed = true;
    } catch (err) {
      result.error = err.message.split('\n')[0];
      log(name, 'failed:', err.stack || err.message);
    }
    result.millis = Date.now() - started;
  }
  if (!result.passed) failed++;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
process.exit(failed ? 1 : 0);
