package dev.coachkit.adapter.persistence;

import dev.coachkit.adapter.persistence.internal.CheckInClaimJpaRepository;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.out.coaching.CheckInClaims;
import dev.coachkit.ports.out.common.IdGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * {@link CheckInClaims} on PostgreSQL: a claim is a row, and the unique (user, week) constraint with
 * {@code ON CONFLICT DO NOTHING} lets exactly one claimer insert it, across server instances.
 */
@ApplicationScoped
@Transactional
public class PanacheCheckInClaimsRepository implements CheckInClaims {
  /** Time-ordered ids, as every key (ADR-0016). */
  private static final IdGenerator IDS = IdGenerator.timeOrdered();

  private final CheckInClaimJpaRepository claims;

  PanacheCheckInClaimsRepository(CheckInClaimJpaRepository claims) {
    this.claims = claims;
  }

  @Override
  public boolean claim(UserId userId, LocalDate weekStart) {
    int inserted = claims.getEntityManager()
        .createNativeQuery("INSERT INTO check_in_claims (id, user_id, week_start, claimed_at)"
            + " VALUES (:id, :user, :week, now()) ON CONFLICT (user_id, week_start) DO NOTHING")
        .unwrap(NativeQuery.class)
        .setParameter("id", IDS.next(), UUID.class)
        .setParameter("user", userId.value(), String.class)
        .setParameter("week", weekStart, LocalDate.class)
        .executeUpdate();
    return inserted == 1;
  }

  @Override
  public void deleteAllOf(UserId userId) {
    claims.delete("userId", userId.value());
  }
}
