package dev.coachkit.server.wiring;

import dev.coachkit.ports.model.json.JsonValue;
import dev.coachkit.ports.model.realtime.Pcm16Audio;
import dev.coachkit.ports.model.realtime.RealtimeEvent;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import dev.coachkit.ports.out.realtime.RealtimeEventListener;
import dev.coachkit.ports.out.realtime.RealtimeModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts upstream Realtime sessions for the voice metrics: opened, attached and dropped (closed without the
 * server closing them, the domain's definition of a drop, WebRTC sideband connections included). The relay counts
 * what clients are told, by cause ({@code coach.voice.upstream.reconnects}, {@code coach.voice.continuations}).
 */
final class MeteredRealtimeModel implements RealtimeModel {
  private final RealtimeModel delegate;
  private final Counter opened;
  private final Counter attached;
  private final Counter drops;

  MeteredRealtimeModel(RealtimeModel delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.opened = Counter.builder("coach.voice.upstream.sessions").tag("kind", "open")
        .description("Upstream Realtime sessions opened or attached").register(registry);
    this.attached = Counter.builder("coach.voice.upstream.sessions").tag("kind", "attach")
        .description("Upstream Realtime sessions opened or attached").register(registry);
    this.drops = Counter.builder("coach.voice.upstream.drops")
        .description("Upstream Realtime sessions that closed without the server closing them").register(registry);
  }

  @Override
  public CompletionStage<RealtimeConnection> open(RealtimeSessionConfig config, RealtimeEventListener listener) {
    opened.increment();
    Metered metered = new Metered(listener);
    return delegate.open(config, metered).thenApply(metered::wrap);
  }

  @Override
  public CompletionStage<RealtimeConnection> attach(String callId, RealtimeSessionConfig config,
      RealtimeEventListener listener) {
    attached.increment();
    Metered metered = new Metered(listener);
    return delegate.attach(callId, config, metered).thenApply(metered::wrap);
  }

  /** One upstream connection: passes everything through and notes who closed it. */
  private final class Metered implements RealtimeEventListener {
    private final RealtimeEventListener listener;
    private final AtomicBoolean closedByServer = new AtomicBoolean();
    private final AtomicBoolean counted = new AtomicBoolean();

    Metered(RealtimeEventListener listener) {
      this.listener = listener;
    }

    @Override
    public void onEvent(RealtimeEvent event) {
      if (event instanceof RealtimeEvent.Closed && !closedByServer.get() && counted.compareAndSet(false, true)) {
        drops.increment();
      }
      listener.onEvent(event);
    }

    RealtimeConnection wrap(RealtimeConnection c) {
      return new RealtimeConnection() {
        @Override
        public void sendAudio(Pcm16Audio audio) {
          c.sendAudio(audio);
        }

        @Override
        public void commitAudio() {
          c.commitAudio();
        }

        @Override
        public void clearAudio() {
          c.clearAudio();
        }

        @Override
        public void createResponse() {
          c.createResponse();
        }

        @Override
        public void createResponse(String instructions) {
          c.createResponse(instructions);
        }

        @Override
        public void cancelResponse() {
          c.cancelResponse();
        }

        @Override
        public void truncate(String itemId, int contentIndex, long audioEndMs) {
          c.truncate(itemId, contentIndex, audioEndMs);
        }

        @Override
        public void sendToolOutput(String callId, JsonValue output) {
          c.sendToolOutput(callId, output);
        }

        @Override
        public void sendText(String text) {
          c.sendText(text);
        }

        @Override
        public void updateSession(RealtimeSessionConfig config) {
          c.updateSession(config);
        }

        @Override
        public void close() {
          closedByServer.set(true);
          c.close();
        }
      };
    }
  }
}
