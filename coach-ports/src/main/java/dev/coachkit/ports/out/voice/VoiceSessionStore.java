package dev.coachkit.ports.out.voice;

import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.voice.VoiceSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: stores voice sessions and enforces the per-user limit of open (CREATED or ACTIVE) ones. */
public interface VoiceSessionStore {

  /**
   * Stores a new open session unless the user already has {@code maxOpenPerUser} open sessions; the check and
   * the insert are atomic, also across server instances. A stale open session is the domain's to expire first.
   *
   * @throws IllegalArgumentException if the session is not open or {@code maxOpenPerUser} is below 1
   */
  VoiceSessionCreation create(VoiceSession session, int maxOpenPerUser);

  Optional<VoiceSession> find(UserId userId, VoiceSessionId sessionId);

  /** Replaces the stored state of the session; false if no such session of that user is stored (any more). */
  boolean update(VoiceSession session);

  /** The user's open sessions, oldest first. */
  List<VoiceSession> openSessions(UserId userId);

  /** All of the user's sessions, newest first. */
  List<VoiceSession> list(UserId userId);

  /** Open sessions of any user whose {@code expiresAt} is before {@code at}, earliest first, for a sweeper. */
  List<VoiceSession> openExpiringBefore(Instant at, int limit);

  /** Removes every session of this user, and nothing of anyone else. */
  void deleteAllOf(UserId userId);
}
