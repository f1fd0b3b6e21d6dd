package dev.coachkit.adapter.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Marks the current transaction's Hibernate session as read-only: entities it loads get no snapshot for dirty
 * checking and the commit does not flush. For store methods that only read.
 */
final class ReadOnly {
  private ReadOnly() {}

  static void session(EntityManager em) {
    Session session = em.unwrap(Session.class);
    session.setDefaultReadOnly(true);
    session.setHibernateFlushMode(FlushMode.MANUAL);
  }
}
