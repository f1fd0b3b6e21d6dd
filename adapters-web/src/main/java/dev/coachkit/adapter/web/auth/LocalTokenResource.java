package dev.coachkit.adapter.web.auth;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Mints a bearer token for a named local user. Only answers when the local issuer is active outside the
 * production profile, and only to callers on the loopback interface.
 */
@Path("/local/tokens")
@Tag(name = "local issuer")
class LocalTokenResource {

  private final Instance<LocalTokenMinter> minter;

  @Inject
  LocalTokenResource(Instance<LocalTokenMinter> minter) {
    this.minter = minter;
  }

  @POST
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mint a token for a local user (local issuer mode, loopback callers only)")
  public Response mint(@Valid @NotNull LocalTokenRequest request, @Context HttpServerRequest http) {
    SocketAddress peer = http.remoteAddress();
    return mint(minter.isResolvable() ? minter.get() : null, request, peer == null ? null : peer.hostAddress());
  }

  /** The decision, free of HTTP plumbing: {@code tokens} is null when the host application offers no minter. */
  static Response mint(LocalTokenMinter tokens, LocalTokenRequest request, String peerHost) {
    if (tokens == null) {
      return refuse("local token minting is not available in this application");
    }
    if (!tokens.enabled()) {
      return refuse(tokens.disabledReason());
    }
    if (!LoopbackAddresses.isLoopback(peerHost)) {
      return refuse("local tokens are minted only for callers on the loopback interface");
    }
    LocalTokenMinter.MintedToken token = tokens.mint(request.user());
    return Response.ok(new LocalTokenResponse(token.accessToken(), "Bearer", token.expiresAt())).build();
  }

  private static Response refuse(String reason) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.APPLICATION_JSON)
        .entity(new LocalTokenRefusal(reason))
        .build();
  }

  /** Asks for a token for {@code user}, who becomes the token's subject. */
  record LocalTokenRequest(
      @NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "user must be 1 to 64 of A-Z a-z 0-9 . _ @ -")
          String user) {}

  /** A minted bearer token. Registered for reflection: it travels inside a {@link Response}, out of the scan. */
  @RegisterForReflection
  record LocalTokenResponse(String accessToken, String tokenType, Instant expiresAt) {}

  /** Why no token was minted. */
  @RegisterForReflection
  record LocalTokenRefusal(String error) {}
}
