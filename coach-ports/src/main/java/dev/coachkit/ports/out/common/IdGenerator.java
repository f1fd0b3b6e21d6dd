package dev.coachkit.ports.out.common;

import java.util.UUID;

/** Driven port: hands out fresh identities, so tests can make them predictable. */
@FunctionalInterface
public interface IdGenerator {
  UUID next();

  /**
   * Random (version 4) UUIDs. Not for primary keys of tables that grow: each insert lands on a random leaf page of
   * the key's index (ADR-0016).
   */
  static IdGenerator random() {
    return UUID::randomUUID;
  }

  /**
   * Time-ordered (version 7) UUIDs, monotonic within the generator, with 62 random bits from a {@code SecureRandom};
   * the production choice (ADR-0016). The ids of one generator are in the order they were made.
   */
  static IdGenerator timeOrdered() {
    return TimeOrderedIds.system();
  }
}
