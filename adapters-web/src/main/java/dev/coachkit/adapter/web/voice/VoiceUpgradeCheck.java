package dev.coachkit.adapter.web.voice;

import dev.coachkit.ports.model.common.UserId;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Authenticates the voice WebSocket before the upgrade: a single-use ticket in the {@code ticket} query parameter
 * (browsers), or a bearer token in the {@code Authorization} header (other clients). Anything else gets HTTP 401
 * and no socket. See ADR-0009.
 */
@ApplicationScoped
class VoiceUpgradeCheck implements HttpUpgradeCheck {

  private final VoiceTicketIssuer tickets;

  @Inject
  VoiceUpgradeCheck(VoiceTicketIssuer tickets) {
    this.tickets = tickets;
  }

  @Override
  public boolean appliesTo(String endpointId) {
    return VoiceCallWebSocket.ENDPOINT_ID.equals(endpointId) || VoiceCallPathWebSocket.ENDPOINT_ID.equals(endpointId);
  }

  @Override
  public Uni<CheckResult> perform(HttpUpgradeContext context) {
    Optional<String> ticket = VoiceRelay.queryParam(context.httpRequest().query(), "ticket");
    if (ticket.isPresent()) {
      Optional<UserId> user = tickets.redeem(ticket.get());
      if (user.isEmpty()) {
        return CheckResult.rejectUpgrade(401);
      }
      context.userData().put(VoiceRelay.USER, user.get().value());
      return CheckResult.permitUpgrade();
    }
    return context.securityIdentity().map(identity -> {
      if (identity == null || identity.isAnonymous()) {
        return CheckResult.rejectUpgradeSync(401);
      }
      context.userData().put(VoiceRelay.USER, Callers.userId(identity).value());
      return CheckResult.permitUpgradeSync();
    });
  }
}
