package dev.coachkit.adapter.openai.realtime;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.adapter.openai.OpenAiConfig.RealtimeProtocol;
import dev.coachkit.adapter.openai.realtime.internal.ClientEvents;
import dev.coachkit.adapter.openai.realtime.internal.Failures;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeEndpoints;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSettings;
import dev.coachkit.adapter.openai.realtime.internal.RealtimeSocket;
import dev.coachkit.ports.model.model.ToolSpec;
import dev.coachkit.ports.model.realtime.RealtimeSessionConfig;
import dev.coachkit.ports.out.realtime.RealtimeConnection;
import dev.coachkit.ports.out.realtime.RealtimeEventListener;
import dev.coachkit.ports.out.realtime.RealtimeModel;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The realtime speech-to-speech model over the OpenAI Realtime API (GA or beta) or Azure OpenAI, through the JDK
 * WebSocket client (ADR-0006): one WebSocket per connection, {@code attach} joins a browser's WebRTC call as a
 * sideband connection ({@code ?call_id=}, GA).
 *
 * <p>Contract the domain relies on: after {@code ToolCallRequested} it calls {@code sendToolOutput} and then
 * {@code createResponse} itself; {@code sendText} only adds the user message (the caller asks for the response).
 * Constructible without CDI; without an API key it still constructs and every {@code open}/{@code attach}
 * completes with {@code ModelFailure} {@code NOT_CONFIGURED}.
 */
public final class OpenAiRealtimeModel implements RealtimeModel {

  private static final AtomicLong CONNECTIONS = new AtomicLong();

  private final RealtimeSettings settings;
  private final HttpClient http;

  /** From the {@code coach.openai.*} configuration. */
  public OpenAiRealtimeModel(OpenAiConfig config) {
    this(RealtimeSettings.from(config));
  }

  /** From plain settings (tests, or wiring without a configuration mapping). */
  public OpenAiRealtimeModel(RealtimeSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  @Override
  public CompletionStage<RealtimeConnection> open(RealtimeSessionConfig config, RealtimeEventListener listener) {
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    if (!settings.configured()) {
      return CompletableFuture.failedFuture(Failures.notConfigured(settings));
    }
    RealtimeEndpoints endpoints = settings.endpoints().get();
    RealtimeProtocol protocol = settings.protocol();
    return RealtimeSocket.connect(http, endpoints.session(config.model(), protocol), endpoints.headers(protocol),
        new ClientEvents(protocol, "coach" + CONNECTIONS.incrementAndGet()), RealtimeSocket.Setup.CONFIGURE, config,
        listener, settings);
  }

  /** Sideband control is GA only: the GA protocol is used whatever {@code coach.openai.realtime.protocol} says. */
  @Override
  public CompletionStage<RealtimeConnection> attach(String callId, RealtimeSessionConfig config,
      RealtimeEventListener listener) {
    Objects.requireNonNull(callId, "callId must not be null");
    Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    if (callId.isBlank()) {
      throw new IllegalArgumentException("callId must not be blank");
    }
    if (!settings.configured()) {
      return CompletableFuture.failedFuture(Failures.notConfigured(settings));
    }
    RealtimeEndpoints endpoints = settings.endpoints().get();
    return RealtimeSocket.connect(http, endpoints.sideband(callId), endpoints.headers(RealtimeProtocol.GA),
        new ClientEvents(RealtimeProtocol.GA, "coach" + CONNECTIONS.incrementAndGet()),
        RealtimeSocket.Setup.CONFIGURE, config, listener, settings);
  }

  /**
   * A session configuration from the configured defaults ({@code coach.openai.realtime.model}, {@code voice},
   * {@code turn-detection.*}, {@code input-transcription-model}) with the domain's instructions and tools.
   */
  public RealtimeSessionConfig sessionDefaults(String instructions, List<ToolSpec> tools, Locale language) {
    return settings.defaults().toConfig(instructions, tools, language);
  }

  /** Whether an API key (and for Azure an endpoint) is configured. */
  public boolean isConfigured() {
    return settings.configured();
  }

  /** One line for the server banner (protocol, endpoint, default model and voice; never a key). */
  public String describe() {
    return settings.describe();
  }

  @Override
  public String toString() {
    return "OpenAiRealtimeModel[" + describe() + "]";
  }
}
