package dev.coachkit.adapter.persistence;

import jakarta.persistence.EntityManager;

/**
 * Transaction-scoped PostgreSQL advisory locks: they serialise check-then-insert steps per user across server
 * instances and are released at commit or rollback. The first key names the purpose so purposes never collide.
 */
final class Locks {
  /** Lock class of creating a user's voice sessions. */
  static final int VOICE_SESSIONS = 0x436b0001;
  /** Lock class of versioning a user's plans of one kind. */
  static final int PLANS = 0x436b0002;

  private Locks() {}

  static void lock(EntityManager em, int purpose, String key) {
    em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:purpose, hashtext(:key))")
        .setParameter("purpose", purpose)
        .setParameter("key", key)
        .getSingleResult();
  }
}
