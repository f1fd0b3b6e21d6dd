package dev.coachkit.adapter.persistence.archfixture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Breaks rule 8: a REST resource outside the web adapter. */
@Path("/misplaced")
public class MisplacedResource {
  @GET
  public String get() {
    return "misplaced";
  }
}
