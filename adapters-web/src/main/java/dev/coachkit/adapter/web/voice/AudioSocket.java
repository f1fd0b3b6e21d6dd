package dev.coachkit.adapter.web.voice;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finds the Vert.x WebSocket under a websockets-next connection, so that the relay can write each assistant audio
 * frame to it directly: {@code WebSocketConnection.sendBinary} wraps every send in a Mutiny {@code Uni} (a
 * subscription with context propagation and a {@code CompletionStage} bridge), garbage that a relay sending 50 frames
 * a second per call pays for on every frame.
 *
 * <p>websockets-next has no public way to its socket, so it is read once per connection, reflectively, from
 * {@code WebSocketConnectionBase.webSocket()}. Where that fails (another websockets-next version) or where
 * websockets-next would do more on a send (its traffic logging or send telemetry is on), there is no socket and the
 * relay sends through the connection as before.
 */
final class AudioSocket {
  private static final Logger LOG = Logger.getLogger(AudioSocket.class);
  private static final String BASE = "io.quarkus.websockets.next.runtime.WebSocketConnectionBase";

  private static volatile Access access;

  private AudioSocket() {
  }

  /** The connection's socket when audio may be written to it directly. */
  static Optional<WebSocketBase> of(WebSocketConnection connection) {
    Access a = access(connection.getClass());
    if (a == null) {
      return Optional.empty();
    }
    try {
      if (a.trafficLogger.get(connection) != null || a.sendingInterceptor.get(connection) != null) {
        LOG.debugf("voice relay: websockets-next logs or meters each send on %s; audio goes through sendBinary",
            connection.id());
        return Optional.empty();
      }
      WebSocketBase socket = (WebSocketBase) a.webSocket.invoke(connection);
      LOG.debugf("voice relay: audio to %s goes straight to its socket", connection.id());
      return Optional.ofNullable(socket);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debugf("voice relay: no direct socket for %s: %s", connection.id(), e);
      return Optional.empty();
    }
  }

  private static Access access(Class<?> type) {
    Access a = access;
    if (a != null && a.base.isAssignableFrom(type)) {
      return a;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(BASE)) {
        try {
          Method webSocket = c.getDeclaredMethod("webSocket");
          Field trafficLogger = c.getDeclaredField("trafficLogger");
          Field sendingInterceptor = c.getDeclaredField("sendingInterceptor");
          if (!WebSocketBase.class.isAssignableFrom(webSocket.getReturnType())) {
            break;
          }
          webSocket.setAccessible(true);
          trafficLogger.setAccessible(true);
          sendingInterceptor.setAccessible(true);
          a = new Access(c, webSocket, trafficLogger, sendingInterceptor);
          access = a;
          return a;
        } catch (ReflectiveOperationException | RuntimeException e) {
          LOG.debugf("voice relay: websockets-next's socket is out of reach (%s); audio goes through sendBinary", e);
          return null;
        }
      }
    }
    return null;
  }

  private record Access(Class<?> base, Method webSocket, Field trafficLogger, Field sendingInterceptor) {
  }
}
