package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Row of {@code check_in_claims}: a user's week that one server instance claimed. */
@Entity
@Table(name = "check_in_claims")
public class CheckInClaimJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(name = "week_start", nullable = false)
  public LocalDate weekStart;

  @Column(name = "claimed_at", nullable = false)
  public Instant claimedAt;
}
