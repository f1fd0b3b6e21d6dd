package dev.coachkit.ports.testing;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.out.voice.VoiceSessionCreation;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link VoiceSessionStore}; the open-session limit is atomic under one lock. */
public final class InMemoryVoiceSessionStore implements VoiceSessionStore {
  private final Map<VoiceSessionId, VoiceSession> sessions = new LinkedHashMap<>();

  @Override
  public synchronized VoiceSessionCreation create(VoiceSession session, int maxOpenPerUser) {
    if (!session.isOpen()) {
      throw new IllegalArgumentException("session must be open (CREATED or ACTIVE), was " + session.status());
    }
    if (maxOpenPerUser < 1) {
      throw new IllegalArgumentException("maxOpenPerUser must be at least 1, was " + maxOpenPerUser);
    }
    if (sessions.containsKey(session.id())) {
      throw new IllegalArgumentException("session " + session.id() + " already exists");
    }
    List<VoiceSession> open = openSessions(session.userId());
    if (open.size() >= maxOpenPerUser) {
      return new VoiceSessionCreation.AlreadyActive(open.get(0));
    }
    sessions.put(session.id(), session);
    return new VoiceSessionCreation.Created(session);
  }

  @Override
  public synchronized Optional<VoiceSession> find(UserId userId, VoiceSessionId sessionId) {
    return Optional.ofNullable(sessions.get(sessionId)).filter(s -> s.userId().equals(userId));
  }

  @Override
  public synchronized boolean update(VoiceSession session) {
    if (find(session.userId(), session.id()).isEmpty()) {
      return false;
    }
    sessions.put(session.id(), session);
    return true;
  }

  @Override
  public synchronized List<VoiceSession> openSessions(UserId userId) {
    return sessions.values().stream()
        .filter(s -> s.userId().equals(userId) && s.isOpen())
        .sorted(Comparator.comparing(VoiceSession::createdAt))
        .toList();
  }

  @Override
  public synchronized List<VoiceSession> list(UserId userId) {
    return sessions.values().stream()
        .filter(s -> s.userId().equals(userId))
        .sorted(Comparator.comparing(VoiceSession::createdAt).reversed())
        .toList();
  }

  @Override
  public synchronized List<VoiceSession> openExpiringBefore(Instant at, int limit) {
    return sessions.values().stream()
        .filter(s -> s.isOpen() && s.expiresAt().isBefore(at))
        .sorted(Comparator.comparing(VoiceSession::expiresAt))
        .limit(limit)
        .toList();
  }

  @Override
  public synchronized void deleteAllOf(UserId userId) {
    sessions.values().removeIf(s -> s.userId().equals(userId));
  }
}
