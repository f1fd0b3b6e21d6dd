package dev.coachkit.adapter.web.voice;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;

/**
 * The voice relay, {@code /ws/coach/voice?session=<id|new>}: PCM16 audio and control messages from the client to
 * its call, the call's events back (docs/reference/voice-protocol.md). Authenticated by {@link VoiceUpgradeCheck}.
 */
@WebSocket(path = "/ws/coach/voice", endpointId = VoiceCallWebSocket.ENDPOINT_ID)
class VoiceCallWebSocket {
  static final String ENDPOINT_ID = "coach-voice";

  private final VoiceRelay relay;

  @Inject
  VoiceCallWebSocket(VoiceRelay relay) {
    this.relay = relay;
  }

  @OnOpen
  void onOpen(WebSocketConnection connection) {
    relay.open(connection, VoiceRelay.sessionParam(connection));
  }

  @OnBinaryMessage
  @NonBlocking
  void onAudio(WebSocketConnection connection, Buffer frame) {
    relay.binary(connection, frame);
  }

  @OnTextMessage
  @NonBlocking
  void onMessage(WebSocketConnection connection, String message) {
    relay.text(connection, message);
  }

  @OnClose
  void onClose(WebSocketConnection connection) {
    relay.close(connection);
  }
}
