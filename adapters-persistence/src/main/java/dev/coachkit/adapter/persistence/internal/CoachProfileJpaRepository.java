package dev.coachkit.adapter.persistence.internal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Panache access to {@code coach_profiles}; used only by the adapter's port implementations. */
@ApplicationScoped
public class CoachProfileJpaRepository implements PanacheRepositoryBase<CoachProfileJpaEntity, String> {}
