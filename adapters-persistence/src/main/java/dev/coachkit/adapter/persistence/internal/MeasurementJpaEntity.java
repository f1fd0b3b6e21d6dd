package dev.coachkit.adapter.persistence.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code progress_measurements}. */
@Entity
@Table(name = "progress_measurements")
public class MeasurementJpaEntity {
  @Id public UUID id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(nullable = false)
  public String metric;

  @Column(nullable = false)
  public double value;

  @Column(nullable = false)
  public String unit;

  @Column(name = "measured_at", nullable = false)
  public Instant measuredAt;
}
