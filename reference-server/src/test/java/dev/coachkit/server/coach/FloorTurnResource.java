package dev.coachkit.server.coach;

import dev.coachkit.ports.model.model.ModelMessage;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ModelRequest;
import dev.coachkit.ports.out.model.CoachModel;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * For the chat-turn benchmark's floor rows only (present when the build property {@value #ENABLED} is true, which
 * only {@link BenchmarkProfile} sets): the least a chat turn can do on this stack and still keep the product's
 * promises, to measure what the machine allows before any coaching logic runs. The same HTTP stack, bearer-token
 * check and Bean Validation as the chat endpoint; the user's message written and committed before the model call
 * (one autocommit INSERT, so one WAL flush); one call through the same OpenAI adapter to the same simulator; the
 * reply written and committed the same way; a small JSON answer. No coach context, no budget or rate-limit check,
 * no conversation, no usage ledger, no history. Not a product endpoint.
 */
@Path("/bench/floor-turn")
@Authenticated
@IfBuildProperty(name = FloorTurnResource.ENABLED, stringValue = "true")
public class FloorTurnResource {

  static final String ENABLED = "coachkit.benchmark.floor";
  static final String TABLE_DDL = "CREATE TABLE IF NOT EXISTS bench_floor_message (id uuid PRIMARY KEY,"
      + " user_subject text NOT NULL, role text NOT NULL, content text NOT NULL, created_at timestamptz NOT NULL)";
  private static final String INSERT =
      "INSERT INTO bench_floor_message (id, user_subject, role, content, created_at) VALUES (?, ?, ?, ?, ?)";

  @Inject
  AgroalDataSource dataSource;

  @Inject
  CoachModel model;

  @Inject
  SecurityIdentity identity;

  /** The request: the user's message. */
  public record FloorTurnRequest(@NotBlank @Size(max = 4000) String message) {
  }

  /** The answer: the stored reply's id and text. */
  public record FloorTurnResponse(UUID id, String content) {
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public FloorTurnResponse turn(@Valid FloorTurnRequest request) throws SQLException {
    String user = identity.getPrincipal().getName();
    insert(user, "user", request.message());
    ModelReply reply = model.reply(new ModelRequest("You are a fitness coach.",
        List.of(new ModelMessage.UserText(request.message())), List.of(), Optional.empty(), 256));
    return new FloorTurnResponse(insert(user, "assistant", reply.text()), reply.text());
  }

  private UUID insert(String user, String role, String content) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(INSERT)) {
      statement.setObject(1, id);
      statement.setString(2, user);
      statement.setString(3, role);
      statement.setString(4, content);
      statement.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
      statement.executeUpdate();
    }
    return id;
  }
}
