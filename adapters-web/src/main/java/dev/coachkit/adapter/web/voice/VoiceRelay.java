package dev.coachkit.adapter.web.voice;

import dev.coachkit.ports.in.voice.ConnectVoiceSessionCommand;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionResult;
import dev.coachkit.ports.in.voice.ConnectVoiceSessionUseCase;
import dev.coachkit.ports.in.voice.GetVoiceSessionQuery;
import dev.coachkit.ports.in.voice.GetVoiceSessionUseCase;
import dev.coachkit.ports.in.voice.StartVoiceSessionCommand;
import dev.coachkit.ports.in.voice.StartVoiceSessionResult;
import dev.coachkit.ports.in.voice.StartVoiceSessionUseCase;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The relay behind the voice WebSocket endpoints: finds or creates the session, connects the call and keeps one
 * {@link RelayedCall} per open socket. Created at startup, so that its meters are registered (at zero) from the first
 * scrape rather than from the first call.
 */
@ApplicationScoped
@Startup
class VoiceRelay {
  private static final Logger LOG = Logger.getLogger(VoiceRelay.class);

  /** Where the upgrade check leaves the authenticated user for the endpoint. */
  static final UserData.TypedKey<String> USER = UserData.TypedKey.forString("coach.voice.user");
  /** Session ids that mean "create a new session". */
  static final Set<String> NEW_SESSION = Set.of("", "new", "null", "undefined");
  /** Policy violation: the session cannot be used (not found, ended, refused). */
  static final CloseReason REFUSED = new CloseReason(1008, "voice session refused");

  private final StartVoiceSessionUseCase start;
  private final ConnectVoiceSessionUseCase connect;
  private final GetVoiceSessionUseCase get;
  private final VoiceMetrics metrics;
  private final Map<String, RelayedCall> calls = new ConcurrentHashMap<>();

  @Inject
  VoiceRelay(StartVoiceSessionUseCase start, ConnectVoiceSessionUseCase connect, GetVoiceSessionUseCase get,
      MeterRegistry registry) {
    this.start = start;
    this.connect = connect;
    this.get = get;
    this.metrics = new VoiceMetrics(registry);
  }

  /** A socket opened (authenticated by the upgrade check): create or find the session and connect the call. */
  void open(WebSocketConnection connection, String requestedSession) {
    String user = connection.userData().get(USER);
    if (user == null) { // the upgrade check always sets it; never trust a socket without it
      connection.close(new CloseReason(1008, "unauthenticated")).subscribe().with(ok -> { }, f -> { });
      return;
    }
    RelayedCall relayed = new RelayedCall(connection, UserId.of(user), metrics);
    calls.put(connection.id(), relayed);
    metrics.sessionOpened();
    Optional<VoiceSession> session = session(relayed, connection, requestedSession);
    if (session.isEmpty()) {
      return;
    }
    VoiceSessionId id = session.get().id();
    connect.connect(new ConnectVoiceSessionCommand(relayed.userId(), id, relayed)).whenComplete((result, failure) -> {
      if (failure != null) {
        LOG.warnf(failure, "voice relay: connecting session %s failed", id);
        relayed.fail("internal_error", "the call could not be connected", CloseReason.INTERNAL_SERVER_ERROR);
      } else if (result instanceof ConnectVoiceSessionResult.Connected) {
        relayed.attach(((ConnectVoiceSessionResult.Connected) result).call());
      } else {
        Refusal refusal = ((ConnectVoiceSessionResult.Refused) result).refusal();
        relayed.fail(VoiceWireFormat.wire(refusal.reason()), refusal.message(), REFUSED);
      }
    });
  }

  private Optional<VoiceSession> session(RelayedCall relayed, WebSocketConnection connection, String requested) {
    String raw = requested == null ? "" : requested.trim().toLowerCase(Locale.ROOT);
    if (NEW_SESSION.contains(raw)) {
      StartVoiceSessionResult result;
      try {
        result = start.start(new StartVoiceSessionCommand(relayed.userId(), query(connection, "voice"),
            Optional.empty(), language(connection), VoiceTransport.RELAY, Optional.empty()));
      } catch (IllegalArgumentException e) {
        relayed.fail("invalid_request", e.getMessage(), REFUSED);
        return Optional.empty();
      }
      if (result instanceof StartVoiceSessionResult.Refused) {
        Refusal refusal = ((StartVoiceSessionResult.Refused) result).refusal();
        relayed.fail(VoiceWireFormat.wire(refusal.reason()), refusal.message(), REFUSED);
        return Optional.empty();
      }
      VoiceSession created = ((StartVoiceSessionResult.Started) result).session();
      relayed.send(VoiceWireFormat.sessionCreated(created, true));
      relayed.markCreated();
      return Optional.of(created);
    }
    VoiceSessionId id;
    try {
      id = VoiceSessionId.parse(raw);
    } catch (IllegalArgumentException e) {
      relayed.fail("invalid_session_id", "the session id is not a UUID (or \"new\")", REFUSED);
      return Optional.empty();
    }
    Optional<VoiceSession> found = get.get(new GetVoiceSessionQuery(relayed.userId(), id));
    if (found.isEmpty()) {
      relayed.fail("not_found", "voice session not found", REFUSED);
      return Optional.empty();
    }
    relayed.send(VoiceWireFormat.sessionCreated(found.get(), false));
    relayed.markCreated();
    return found;
  }

  void binary(WebSocketConnection connection, Buffer frame) {
    RelayedCall relayed = calls.get(connection.id());
    if (relayed != null) {
      relayed.onAudio(frame);
    }
  }

  void text(WebSocketConnection connection, String message) {
    RelayedCall relayed = calls.get(connection.id());
    if (relayed == null) {
      LOG.debugf("voice relay %s: message before the socket was set up: %s", connection.id(), message);
    }
    if (relayed != null) {
      relayed.onText(message);
    }
  }

  void close(WebSocketConnection connection) {
    RelayedCall relayed = calls.remove(connection.id());
    if (relayed != null) {
      relayed.onClose();
      metrics.sessionClosed();
    }
  }

  int openSockets() {
    return calls.size();
  }

  private static Optional<String> query(WebSocketConnection connection, String name) {
    return queryParam(connection.handshakeRequest().query(), name).filter(v -> !v.isBlank());
  }

  static Optional<String> queryParam(String query, String name) {
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        if (key.equals(name)) {
          return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    } catch (IllegalArgumentException malformedEscape) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  static String sessionParam(WebSocketConnection connection) {
    return queryParam(connection.handshakeRequest().query(), "session").orElse("");
  }

  private static Optional<Locale> language(WebSocketConnection connection) {
    return query(connection, "language").map(Locale::forLanguageTag).filter(l -> !l.getLanguage().isEmpty());
  }
}
