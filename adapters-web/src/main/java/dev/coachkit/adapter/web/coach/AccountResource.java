package dev.coachkit.adapter.web.coach;

import dev.coachkit.adapter.web.problem.ProblemException;
import dev.coachkit.ports.in.account.DeleteUserDataCommand;
import dev.coachkit.ports.in.account.DeleteUserDataUseCase;
import dev.coachkit.ports.in.account.ExportUserDataQuery;
import dev.coachkit.ports.in.account.ExportUserDataUseCase;
import dev.coachkit.ports.in.usage.GetUsageQuery;
import dev.coachkit.ports.in.usage.GetUsageUseCase;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The user's usage, and their data as a whole: export and deletion. */
@Path("/api/coach")
@Tag(name = "account")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class AccountResource {

  /** Longest period one usage query may span. */
  static final Duration MAX_USAGE_PERIOD = Duration.ofDays(366);

  private final GetUsageUseCase usage;
  private final ExportUserDataUseCase export;
  private final DeleteUserDataUseCase delete;
  private final CallerIds caller;
  private final CoachWebMapper mapper;
  private final Clock clock;

  @Inject
  AccountResource(GetUsageUseCase usage, ExportUserDataUseCase export, DeleteUserDataUseCase delete,
      CallerIds caller, CoachWebMapper mapper, Clock clock) {
    this.usage = usage;
    this.export = export;
    this.delete = delete;
    this.caller = caller;
    this.mapper = mapper;
    this.clock = clock;
  }

  @GET
  @Path("/usage")
  @Operation(summary = "Model responses, tokens, audio seconds and cost in [from, to)",
      description = "Defaults: to = now, from = 30 days before to. At most 366 days.")
  public UsageResponse usage(
      @Parameter(description = "ISO-8601 instant, e.g. 2026-11-01T00:00:00Z") @QueryParam("from") String from,
      @Parameter(description = "ISO-8601 instant (exclusive)") @QueryParam("to") String to) {
    Instant end = instant("to", to).orElseGet(clock::instant);
    Instant start = instant("from", from).orElse(end.minus(Duration.ofDays(30)));
    if (!end.isAfter(start)) {
      throw ProblemException.invalidField("to", "must be after from");
    }
    if (Duration.between(start, end).compareTo(MAX_USAGE_PERIOD) > 0) {
      throw ProblemException.invalidField("from", "the period must not exceed 366 days");
    }
    return mapper.toResponse(usage.get(new GetUsageQuery(caller.user(), start, end, Optional.empty())));
  }

  @GET
  @Path("/me/export")
  @Operation(summary = "Everything stored about the user, as JSON")
  public ExportResponse export() {
    return mapper.toResponse(export.export(new ExportUserDataQuery(caller.user())));
  }

  @DELETE
  @Path("/me")
  @Operation(summary = "Delete everything stored about the user (ends an open voice session first); idempotent")
  @APIResponse(responseCode = "204", description = "Deleted")
  public void deleteMe() {
    delete.delete(new DeleteUserDataCommand(caller.user()));
  }

  private static Optional<Instant> instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }
}
