package dev.coachkit.adapter.web.archfixture;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Breaks rule 8: a JPA entity outside the persistence adapter. */
@Entity
public class MisplacedEntity {
  @Id
  Long id;
}
