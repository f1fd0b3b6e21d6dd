package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.VoiceSessionJpaEntity;
import dev.coachkit.adapter.persistence.internal.VoiceSessionJpaRepository;
import dev.coachkit.adapter.persistence.internal.VoiceSessionMapper;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceSessionStatus;
import dev.coachkit.ports.out.voice.VoiceSessionCreation;
import dev.coachkit.ports.out.voice.VoiceSessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link VoiceSessionStore} on PostgreSQL; every method is one transaction.
 *
 * <p>The open-session limit is kept twice. {@code create} takes a per-user advisory lock, counts the open
 * sessions and, below the limit, stores the new one in the lowest free slot 1..maxOpenPerUser. The partial unique
 * index {@code voice_sessions_one_open_per_user (user_id, open_slot) WHERE status IN ('CREATED','ACTIVE')} then
 * makes the database refuse a second open session in the same slot, so with a limit of one (every session in
 * slot 1) the database alone guarantees at most one open session per user, whoever writes.
 */
@ApplicationScoped
@Transactional
public class PanacheVoiceSessionRepository implements VoiceSessionStore {
  private static final List<VoiceSessionStatus> OPEN = List.of(VoiceSessionStatus.CREATED, VoiceSessionStatus.ACTIVE);

  private final VoiceSessionJpaRepository sessions;
  private final VoiceSessionMapper mapper;

  PanacheVoiceSessionRepository(VoiceSessionJpaRepository sessions, VoiceSessionMapper mapper) {
    this.sessions = sessions;
    this.mapper = mapper;
  }

  @Override
  public VoiceSessionCreation create(VoiceSession session, int maxOpenPerUser) {
    if (!session.isOpen()) {
      throw new IllegalArgumentException("session must be open (CREATED or ACTIVE), was " + session.status());
    }
    if (maxOpenPerUser < 1 || maxOpenPerUser > Short.MAX_VALUE) {
      throw new IllegalArgumentException("maxOpenPerUser must be at least 1, was " + maxOpenPerUser);
    }
    Locks.lock(sessions.getEntityManager(), Locks.VOICE_SESSIONS, session.userId().value());
    List<VoiceSessionJpaEntity> open = openOf(session.userId());
    if (open.size() >= maxOpenPerUser) {
      return new VoiceSessionCreation.AlreadyActive(mapper.toModel(open.get(0)));
    }
    Set<Short> taken = new HashSet<>();
    open.forEach(s -> taken.add(s.openSlot));
    short slot = 1;
    while (taken.contains(slot)) {
      slot++;
    }
    VoiceSessionJpaEntity entity = mapper.toEntity(session);
    entity.openSlot = slot;
    sessions.persist(entity);
    sessions.flush();
    return new VoiceSessionCreation.Created(mapper.toModel(entity));
  }

  @Override
  public Optional<VoiceSession> find(UserId userId, VoiceSessionId sessionId) {
    return sessions.find("id = ?1 and userId = ?2", sessionId.value(), userId.value())
        .firstResultOptional()
        .map(mapper::toModel);
  }

  @Override
  public boolean update(VoiceSession session) {
    VoiceSessionJpaEntity existing = sessions.findById(session.id().value());
    if (existing == null || !existing.userId.equals(session.userId().value())) {
      return false;
    }
    VoiceSessionJpaEntity changed = mapper.toEntity(session);
    changed.openSlot = existing.openSlot;
    sessions.getEntityManager().merge(changed);
    return true;
  }

  @Override
  public List<VoiceSession> openSessions(UserId userId) {
    return openOf(userId).stream().map(mapper::toModel).toList();
  }

  @Override
  public List<VoiceSession> list(UserId userId) {
    return sessions
        .find("from VoiceSessionJpaEntity s where s.userId = ?1 order by s.createdAt desc, s.id desc", userId.value())
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public List<VoiceSession> openExpiringBefore(Instant at, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sessions
        .find("from VoiceSessionJpaEntity s where s.status in ?1 and s.expiresAt < ?2 order by s.expiresAt, s.id",
            OPEN, at)
        .range(0, limit - 1)
        .stream()
        .map(mapper::toModel)
        .toList();
  }

  @Override
  public void deleteAllOf(UserId userId) {
    sessions.delete("userId", userId.value());
  }

  private List<VoiceSessionJpaEntity> openOf(UserId userId) {
    return sessions
        .find("from VoiceSessionJpaEntity s where s.userId = ?1 and s.status in ?2 order by s.createdAt, s.id",
            userId.value(), OPEN)
        .list();
  }
}
