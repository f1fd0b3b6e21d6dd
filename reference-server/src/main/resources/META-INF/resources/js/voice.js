// A voice call over the server's relay (/ws/coach/voice, docs/reference/voice-protocol.md): the microphone goes up
// as PCM16 24 kHz mono binary frames, the coach's audio comes back the same way and is played without gaps.

import { coach, session } from './api.js';

const RATE = 24000;
const LEAD_SECONDS = 0.06; // scheduling headroom for the first buffer after silence
const POSITION_REPORT_MS = 250;

export const stats = {
  framesSent: 0,
  bytesSent: 0,
  audioFramesReceived: 0,
  samplesReceived: 0,
  samplesScheduled: 0,
  samplesPlayed: 0,
  flushes: 0,
  lastPlaybackPositionMs: 0,
  micSampleRate: 0,
  events: [],
};

/** Why a call could not go on, in words a person can act on. */
export class VoiceError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export function microphoneError(err) {
  switch (err?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new VoiceError('Microphone access was denied. Allow the microphone in your browser to talk, '
        + 'or keep going in text below.', 'mic_denied');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new VoiceError('No microphone was found. Keep going in text below.', 'mic_missing');
    case 'NotReadableError':
      return new VoiceError('The microphone is in use by another program. Keep going in text below.', 'mic_busy');
    default:
      return new VoiceError(`The microphone could not be opened (${err?.message || err}). `
        + 'Keep going in text below.', 'mic_failed');
  }
}

/** Plays PCM16 24 kHz chunks back to back; can be flushed at once and tells how much of the item was heard. */
export class Player {
  constructor(ctx, onIdle) {
    this.ctx = ctx;
    this.onIdle = onIdle;
    this.out = ctx.createGain();
    this.out.connect(ctx.destination);
    this.nextStart = 0;
    this.live = new Set(); // scheduled sources: {src, start, duration, samples}
    this.item = []; // the current assistant item's buffers, for the played position
  }

  get playing() { return this.live.size > 0; }

  newItem() { this.item = []; }

  enqueue(bytes) {
    const samples = Math.floor(bytes.byteLength / 2);
    if (samples === 0) return;
    const view = new DataView(bytes, 0, samples * 2);
    const buffer = this.ctx.createBuffer(1, samples, RATE);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < samples; i++) data[i] = view.getInt16(i * 2, true) / 0x8000;
    const src = this.ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(this.out);
    const start = Math.max(this.ctx.currentTime + (this.live.size ? 0 : LEAD_SECONDS), this.nextStart);
    const entry = { src, start, duration: buffer.duration, samples };
    src.onended = () => {
      if (!this.live.delete(entry)) return; // already counted by a flush
      stats.samplesPlayed += samples;
      if (this.live.size === 0) this.onIdle?.();
    };
    src.start(start);
    this.nextStart = start + buffer.duration;
    this.live.add(entry);
    this.item.push(entry);
    stats.samplesScheduled += samples;
  }

  /** Milliseconds of the current item heard so far. */
  playedMs() {
    const now = this.ctx.currentTime;
    let ms = 0;
    for (const e of this.item) ms += Math.max(0, Math.min(now - e.start, e.duration)) * 1000;
    return Math.round(ms);
  }

  /** Stops everything now (barge-in); returns the played position of the interrupted item. */
  flush() {
    const played = this.playedMs();
    const now = this.ctx.currentTime;
    for (const e of this.live) {
      const heard = Math.max(0, Math.min(now - e.start, e.duration));
      stats.samplesPlayed += Math.round(heard * RATE);
      e.src.onended = null;
      try { e.src.stop(); } catch { /* not started */ }
    }
    this.live.clear();
    this.nextStart = 0;
    stats.flushes++;
    return played;
  }
}

/**
 * One voice call. Events go to `ui`:
 *   status(state, detail)  state: connecting | listening | thinking | speaking | reconnecting | ended
 *   userTranscript(text, final), assistantTranscript(text, final), timeLeft(seconds|null),
 *   failed(VoiceError), ended(reason), toolCall(data), toolResult(data), usage(data), sessionCreated(info)
 */
export class VoiceCall {
  constructor(ui, { conversationId } = {}) {
    this.ui = ui;
    this.conversationId = conversationId;
    this.state = 'idle';
    this.assistantDone = true;
    this.expiresAt = null;
    this.closedByUs = false;
  }

  async start() {
    this.setState('connecting');
    // The microphone first: a denied permission must not leave a voice session open on the server.
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: {
          channelCount: 1,
          echoCancellation: false,
          noiseSuppression: false,
          autoGainControl: false,
        },
      });
    } catch (err) {
      throw microphoneError(err);
    }
    this.ctx = new AudioContext({ latencyHint: 'interactive' });
    await this.ctx.resume();
    stats.micSampleRate = this.ctx.sampleRate;
    this.player = new Player(this.ctx, () => this.onPlaybackIdle());
    await this.ctx.audioWorklet.addModule(new URL('./pcm-capture-worklet.js', import.meta.url));

    let started;
    try {
      started = await coach.startVoice({
        transport: 'relay',
        ...(this.conversationId ? { conversationId: this.conversationId } : {}),
      });
    } catch (err) {
      this.releaseAudio();
      throw new VoiceError(`The voice call could not start: ${err.message}`, err.problem?.code || 'start_failed');
    }
    this.sessionId = started.sessionId || started.id;
    this.conversationId = started.conversationId || this.conversationId;
    this.setExpiry(started.expiresAt);
    this.ui.sessionCreated?.(started);
    try {
      await this.openSocket(started);
    } catch (err) {
      await coach.endVoice(this.sessionId).catch(() => {});
      throw err;
    }
    this.startCapture();
    this.positionTimer = setInterval(() => this.reportPosition(false), POSITION_REPORT_MS);
    this.clockTimer = setInterval(() => this.tickClock(), 1000);
  }

  async openSocket(started) {
    // Browsers cannot put an Authorization header on a WebSocket: a single-use ticket from a REST call goes in
    // the query instead (docs/reference/voice-protocol.md).
    let ticket;
    try {
      ticket = (await coach.voiceTicket()).ticket;
    } catch (err) {
      throw new VoiceError(`The voice call could not be authorised: ${err.message}`, 'ticket_failed');
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = new URL(started.websocketPath || `/ws/coach/voice?session=${encodeURIComponent(this.sessionId)}`,
      location.href);
    url.protocol = scheme;
    url.searchParams.set('ticket', ticket);
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    await new Promise((resolve, reject) => {
      ws.onopen = resolve;
      ws.onerror = () => reject(new VoiceError('The voice connection could not be opened.', 'ws_failed'));
      ws.onclose = (e) => reject(new VoiceError(`The voice connection closed (${e.code}${e.reason ? `: ${e.reason}` : ''}).`, 'ws_closed'));
    });
    ws.onmessage = (e) => this.onMessage(e.data);
    ws.onerror = () => {};
    ws.onclose = (e) => this.onSocketClosed(e);
    // Connected; audio and commands flow once the server says session_ready.
  }

  startCapture() {
    this.source = this.ctx.createMediaStreamSource(this.stream);
    this.capture = new AudioWorkletNode(this.ctx, 'pcm-capture', { numberOfInputs: 1, numberOfOutputs: 1 });
    this.capture.port.onmessage = (e) => this.sendAudio(e.data);
    this.sink = this.ctx.createGain();
    this.sink.gain.value = 0; // keeps the worklet pulled without playing the microphone back
    this.source.connect(this.capture).connect(this.sink).connect(this.ctx.destination);
  }

  sendAudio(buffer) {
    if (!this.ready || this.ws?.readyState !== WebSocket.OPEN || this.muted) return;
    this.ws.send(buffer);
    stats.framesSent++;
    stats.bytesSent += buffer.byteLength;
  }

  send(message) {
    // While reconnecting the server answers commands with not_ready: nothing to say then.
    if (this.ready && this.state !== 'reconnecting' && this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  sendText(text) {
    this.send({ type: 'text', text });
  }

  onMessage(data) {
    if (data instanceof ArrayBuffer) {
      stats.audioFramesReceived++;
      stats.samplesReceived += data.byteLength / 2;
      if (this.assistantDone && !this.player.playing) this.player.newItem();
      this.assistantDone = false;
      this.player.enqueue(data);
      if (this.state !== 'speaking' && this.state !== 'reconnecting' && this.ready) this.setState('speaking');
      return;
    }
    let msg;
    try { msg = JSON.parse(data); } catch { return; }
    stats.events.push(msg.type);
    switch (msg.type) {
      case 'session_created':
        if (msg.sessionId) this.sessionId = msg.sessionId;
        if (msg.conversationId) this.conversationId = msg.conversationId;
        if (msg.expiresAt) this.setExpiry(msg.expiresAt);
        break;
      case 'session_ready':
        this.ready = true;
        if (this.state === 'connecting') this.setState(this.player.playing ? 'speaking' : 'listening');
        break;
      case 'speech_started':
        this.bargeIn();
        this.setState('listening', 'hearing you');
        break;
      case 'speech_stopped':
        this.setState('thinking');
        break;
      case 'transcript':
        this.ui.userTranscript?.(textOf(msg), isFinal(msg));
        break;
      case 'assistant_transcript':
        this.ui.assistantTranscript?.(textOf(msg), isFinal(msg));
        if (isFinal(msg)) this.assistantDone = true;
        break;
      case 'tool_call':
        this.setState('thinking', 'working on it');
        this.ui.toolCall?.(msg);
        break;
      case 'tool_result':
        this.ui.toolResult?.(msg);
        break;
      case 'usage':
        this.ui.usage?.(msg);
        break;
      case 'reconnecting':
        this.setState('reconnecting');
        break;
      case 'resumed':
        this.setState(this.player.playing ? 'speaking' : 'listening');
        break;
      case 'session_ending': {
        const left = Number(msg.secondsLeft ?? msg.seconds_left);
        if (Number.isFinite(left)) this.setExpiry(new Date(Date.now() + left * 1000).toISOString());
        this.ui.ending?.(msg.reason, left);
        break;
      }
      case 'session_ended':
        this.finish(msg.reason || 'ended');
        break;
      case 'error':
        this.ui.callError?.(msg.code, msg.message);
        break;
      default:
        break;
    }
  }

  bargeIn() {
    if (!this.player.playing) return;
    const played = this.player.flush();
    this.assistantDone = true;
    stats.lastPlaybackPositionMs = played;
    this.send({ type: 'playback_position', playedMs: played });
  }

  reportPosition() {
    if (!this.player?.playing) return;
    const played = this.player.playedMs();
    stats.lastPlaybackPositionMs = played;
    this.send({ type: 'playback_position', playedMs: played });
  }

  onPlaybackIdle() {
    const played = this.player.playedMs();
    stats.lastPlaybackPositionMs = played;
    this.send({ type: 'playback_position', playedMs: played });
    if (this.state === 'speaking') this.setState('listening');
  }

  setExpiry(expiresAt) {
    if (!expiresAt) return;
    const at = new Date(expiresAt).getTime();
    if (Number.isFinite(at)) this.expiresAt = at;
    this.tickClock();
  }

  tickClock() {
    if (!this.expiresAt || this.state === 'ended') return;
    this.ui.timeLeft?.(Math.max(0, Math.round((this.expiresAt - Date.now()) / 1000)));
  }

  setState(state, detail) {
    this.state = state;
    this.ui.status?.(state, detail);
  }

  onSocketClosed(e) {
    if (this.state === 'ended') return;
    if (this.closedByUs) { this.finish('user_ended'); return; }
    const error = new VoiceError(`The voice connection was lost (${e.code}${e.reason ? `: ${e.reason}` : ''}). `
      + 'You can keep going in text.', 'ws_closed');
    this.finish('connection_lost', error);
  }

  /** Hangs up: tells the server, which ends the session and stores the last turn. */
  async hangUp() {
    if (this.state === 'ended') return;
    this.closedByUs = true;
    this.send({ type: 'end' });
    const ws = this.ws;
    if (ws && ws.readyState === WebSocket.OPEN) {
      // Give the server a moment to answer session_ended, then close either way.
      await new Promise((resolve) => {
        const t = setTimeout(resolve, 1500);
        const done = () => { clearTimeout(t); resolve(); };
        ws.addEventListener('close', done, { once: true });
        this.onEnded = done;
      });
      if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'user ended');
    } else if (this.sessionId) {
      await coach.endVoice(this.sessionId).catch(() => {});
    }
    this.finish('user_ended');
  }

  finish(reason, error) {
    if (this.state === 'ended') return;
    this.setState('ended', reason);
    clearInterval(this.positionTimer);
    clearInterval(this.clockTimer);
    this.ui.timeLeft?.(null);
    if (this.player?.playing) {
      // Let the tail of the last answer play out unless the call failed.
      if (error) this.player.flush();
    }
    this.capture?.port.postMessage('stop');
    try { this.source?.disconnect(); } catch { /* gone */ }
    this.stream?.getTracks().forEach((t) => t.stop());
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, reason);
    const ctx = this.ctx;
    setTimeout(() => ctx?.close().catch(() => {}), this.player?.playing ? 4000 : 0);
    this.onEnded?.();
    if (error) this.ui.failed?.(error);
    this.ui.ended?.(reason);
  }

  releaseAudio() {
    this.stream?.getTracks().forEach((t) => t.stop());
    this.ctx?.close().catch(() => {});
  }
}

function textOf(msg) {
  return msg.text ?? msg.delta ?? msg.transcript ?? '';
}

function isFinal(msg) {
  return msg.final === true || msg.complete === true || msg.kind === 'final' || msg.stage === 'final';
}

export function voiceSupported() {
  return !!(navigator.mediaDevices?.getUserMedia && window.AudioWorkletNode && window.WebSocket && session);
}
