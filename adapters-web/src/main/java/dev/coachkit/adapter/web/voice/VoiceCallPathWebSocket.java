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

/** The voice relay with the session id in the path, {@code /ws/coach/voice/<id|new>}; same protocol. */
@WebSocket(path = "/ws/coach/voice/{session}", endpointId = VoiceCallPathWebSocket.ENDPOINT_ID)
class VoiceCallPathWebSocket {
  static final String ENDPOINT_ID = "coach-voice-path";

  private final VoiceRelay relay;

  @Inject
  VoiceCallPathWebSocket(VoiceRelay relay) {
    this.relay = relay;
  }

  @OnOpen
  void onOpen(WebSocketConnection connection) {
    relay.open(connection, connection.pathParam("session"));
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
