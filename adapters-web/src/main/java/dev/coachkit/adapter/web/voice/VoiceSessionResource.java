package dev.coachkit.adapter.web.voice;

import dev.coachkit.adapter.web.problem.ProblemException;

import dev.coachkit.ports.in.voice.EndVoiceSessionCommand;
import dev.coachkit.ports.in.voice.EndVoiceSessionResult;
import dev.coachkit.ports.in.voice.EndVoiceSessionUseCase;
import dev.coachkit.ports.in.voice.GetVoiceSessionQuery;
import dev.coachkit.ports.in.voice.GetVoiceSessionUseCase;
import dev.coachkit.ports.in.voice.RegisterVoiceCallCommand;
import dev.coachkit.ports.in.voice.RegisterVoiceCallResult;
import dev.coachkit.ports.in.voice.RegisterVoiceCallUseCase;
import dev.coachkit.ports.in.voice.StartVoiceSessionCommand;
import dev.coachkit.ports.in.voice.StartVoiceSessionResult;
import dev.coachkit.ports.in.voice.StartVoiceSessionUseCase;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.common.ConversationId;
import dev.coachkit.ports.model.common.Refusal;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.common.VoiceSessionId;
import dev.coachkit.ports.model.voice.VoiceEndReason;
import dev.coachkit.ports.model.voice.VoiceSession;
import dev.coachkit.ports.model.voice.VoiceTransport;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Voice sessions over REST: start one (relay or WebRTC), register a WebRTC call for the server's sideband, end
 * one, read one; and tickets for the voice WebSocket. Another user's session answers 404.
 */
@Path("/api/coach/voice")
@Tag(name = "voice")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class VoiceSessionResource {

  private final SecurityIdentity identity;
  private final StartVoiceSessionUseCase start;
  private final RegisterVoiceCallUseCase register;
  private final EndVoiceSessionUseCase end;
  private final GetVoiceSessionUseCase get;
  private final VoiceTicketIssuer tickets;

  @Inject
  VoiceSessionResource(SecurityIdentity identity, StartVoiceSessionUseCase start, RegisterVoiceCallUseCase register,
      EndVoiceSessionUseCase end, GetVoiceSessionUseCase get, VoiceTicketIssuer tickets) {
    this.identity = identity;
    this.start = start;
    this.register = register;
    this.end = end;
    this.get = get;
    this.tickets = tickets;
  }

  @POST
  @Path("/sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a voice session (relay by default; webrtc answers with an ephemeral client secret)")
  public Response startSession(@Valid StartVoiceSessionRequest request) {
    StartVoiceSessionRequest r = request == null ? new StartVoiceSessionRequest(null, null, null, null, null) : request;
    VoiceTransport transport = r.transport() == null ? VoiceTransport.RELAY
        : VoiceTransport.valueOf(r.transport().toUpperCase(Locale.ROOT));
    StartVoiceSessionCommand command = new StartVoiceSessionCommand(user(), Optional.ofNullable(r.voice()),
        Optional.ofNullable(r.persona()).map(p -> Persona.valueOf(p.toUpperCase(Locale.ROOT))),
        Optional.ofNullable(r.language()).map(Locale::forLanguageTag), transport,
        Optional.ofNullable(r.conversationId()).map(ConversationId::parse));
    StartVoiceSessionResult result = start.start(command);
    if (result instanceof StartVoiceSessionResult.Refused) {
      throw ProblemException.of(((StartVoiceSessionResult.Refused) result).refusal());
    }
    StartVoiceSessionResult.Started started = (StartVoiceSessionResult.Started) result;
    VoiceSession session = started.session();
    return Response.created(URI.create("/api/coach/voice/sessions/" + session.id()))
        .entity(VoiceSessionResponse.of(session, started.token())).build();
  }

  @GET
  @Path("/sessions/{id}")
  @Operation(summary = "One of the caller's voice sessions")
  public Response session(@PathParam("id") String id) {
    Optional<VoiceSessionId> sessionId = sessionId(id);
    if (sessionId.isEmpty()) {
      throw ProblemException.of(Refusal.notFound("voice session"));
    }
    return get.get(new GetVoiceSessionQuery(user(), sessionId.get()))
        .map(s -> Response.ok(VoiceSessionResponse.of(s, Optional.empty())).build())
        .orElseThrow(() -> ProblemException.of(Refusal.notFound("voice session")));
  }

  @POST
  @Path("/sessions/{id}/call")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register the WebRTC call id of a webrtc session; the server attaches to the call")
  public Response registerCall(@PathParam("id") String id, @Valid @NotNull RegisterVoiceCallRequest request) {
    Optional<VoiceSessionId> sessionId = sessionId(id);
    if (sessionId.isEmpty()) {
      throw ProblemException.of(Refusal.notFound("voice session"));
    }
    RegisterVoiceCallResult result = register.register(
        new RegisterVoiceCallCommand(user(), sessionId.get(), request.callId()));
    if (result instanceof RegisterVoiceCallResult.Refused) {
      throw ProblemException.of(((RegisterVoiceCallResult.Refused) result).refusal());
    }
    return Response.ok(VoiceSessionResponse.of(((RegisterVoiceCallResult.Registered) result).session(),
        Optional.empty())).build();
  }

  @POST
  @Path("/sessions/{id}/end")
  @Operation(summary = "End a voice session (its live call hangs up)")
  public Response endSession(@PathParam("id") String id) {
    Optional<VoiceSessionId> sessionId = sessionId(id);
    if (sessionId.isEmpty()) {
      throw ProblemException.of(Refusal.notFound("voice session"));
    }
    EndVoiceSessionResult result = end.end(new EndVoiceSessionCommand(user(), sessionId.get(),
        VoiceEndReason.USER_ENDED));
    if (result instanceof EndVoiceSessionResult.Refused) {
      throw ProblemException.of(((EndVoiceSessionResult.Refused) result).refusal());
    }
    return Response.ok(VoiceSessionResponse.of(((EndVoiceSessionResult.Ended) result).session(), Optional.empty()))
        .build();
  }

  @POST
  @Path("/tickets")
  @Operation(summary = "A single-use ticket (valid about 60 s) for opening the voice WebSocket from a browser")
  public Response ticket() {
    return tickets.issue(user())
        .map(t -> Response.ok(new VoiceTicketResponse(t.value(), t.expiresAt())).build())
        .orElseThrow(() -> ProblemException.of(new Refusal(dev.coachkit.ports.model.common.RefusalReason.RATE_LIMITED,
            "too many unused voice tickets; use or let expire the ones you have",
            Optional.of(java.time.Duration.ofSeconds(60)))));
  }

  private UserId user() {
    return Callers.userId(identity);
  }

  private static Optional<VoiceSessionId> sessionId(String raw) {
    try {
      return Optional.of(VoiceSessionId.parse(raw));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
