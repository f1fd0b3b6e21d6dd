// AudioWorklet: microphone (any rate, first channel) -> PCM16 24 kHz mono little-endian, posted in 20 ms frames.
// Downsampling averages the input over each output sample's span (a box low-pass that keeps aliasing down for
// 44.1/48 kHz inputs) with fractional positions, so any input rate works; upsampling interpolates linearly.

const TARGET_RATE = 24000;
const FRAME_SAMPLES = 480; // 20 ms at 24 kHz

class PcmCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / TARGET_RATE; // input samples per output sample
    this.pos = 0; // position of the next output sample, in input samples relative to this.history start
    this.history = new Float32Array(0);
    this.frame = new Int16Array(FRAME_SAMPLES);
    this.filled = 0;
    this.active = true;
    this.port.onmessage = (e) => { if (e.data === 'stop') this.active = false; };
  }

  process(inputs) {
    const input = inputs[0] && inputs[0][0];
    if (!this.active) return false;
    if (!input || input.length === 0) return true;
    const buf = new Float32Array(this.history.length + input.length);
    buf.set(this.history);
    buf.set(input, this.history.length);
    const step = this.step;
    let pos = this.pos;
    while (pos + Math.max(step, 1) < buf.length) {
      let value;
      if (step > 1) {
        const start = pos;
        const end = pos + step;
        let sum = 0;
        let weight = 0;
        for (let i = Math.floor(start); i < Math.ceil(end); i++) {
          const w = Math.min(end, i + 1) - Math.max(start, i);
          if (w > 0) { sum += buf[i] * w; weight += w; }
        }
        value = weight > 0 ? sum / weight : 0;
      } else {
        const i = Math.floor(pos);
        const frac = pos - i;
        value = buf[i] * (1 - frac) + buf[i + 1] * frac;
      }
      const clamped = Math.max(-1, Math.min(1, value));
      this.frame[this.filled++] = clamped < 0 ? Math.round(clamped * 0x8000) : Math.round(clamped * 0x7fff);
      if (this.filled === FRAME_SAMPLES) {
        const out = this.frame;
        this.port.postMessage(out.buffer, [out.buffer]);
        this.frame = new Int16Array(FRAME_SAMPLES);
        this.filled = 0;
      }
      pos += step;
    }
    const keep = Math.floor(pos);
    this.history = buf.slice(keep);
    this.pos = pos - keep;
    return true;
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor);
