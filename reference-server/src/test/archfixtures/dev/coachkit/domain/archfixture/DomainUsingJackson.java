package dev.coachkit.domain.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Breaks rule 2: domain code that depends on a JSON library. */
public final class DomainUsingJackson {
  private final ObjectMapper mapper = new ObjectMapper();

  public ObjectMapper mapper() {
    return mapper;
  }
}
