package dev.coachkit.adapter.persistence.internal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Panache access to {@code plans}; used only by the adapter's port implementations. */
@ApplicationScoped
public class PlanJpaRepository implements PanacheRepositoryBase<PlanJpaEntity, UUID> {}
