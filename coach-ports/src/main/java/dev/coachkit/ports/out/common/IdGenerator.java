package dev.coachkit.ports.out.common;

import java.util.UUID;

/** Driven port: hands out fresh identities, so tests can make them predictable. */
@FunctionalInterface
public interface IdGenerator {
  UUID next();

  /** Random (version 4) UUIDs; the production choice. */
  static IdGenerator random() {
    return UUID::randomUUID;
  }
}
