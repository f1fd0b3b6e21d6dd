package dev.coachkit.adapter.persistence;

import dev.coachkit.ports.model.common.UserId;

/** The upsert rule the ports share: an id that already belongs to another user is rejected. */
final class Owners {
  private Owners() {}

  /** @param storedOwner the user id stored with that id, or null if the id is new */
  static void requireSameOwner(String storedOwner, UserId owner, String what) {
    if (storedOwner != null && !storedOwner.equals(owner.value())) {
      throw new IllegalArgumentException("The " + what + " id belongs to another user");
    }
  }
}
