package dev.coachkit.adapter.web.voice;

import dev.coachkit.ports.model.common.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The instance's WebSocket tickets ({@code coach.web.voice.ticket-ttl}, default 60 s). */
@ApplicationScoped
class VoiceTicketIssuer {
  private final VoiceTickets tickets;

  @Inject
  VoiceTicketIssuer(@ConfigProperty(name = "coach.web.voice.ticket-ttl", defaultValue = "60s") Duration ttl) {
    this.tickets = new VoiceTickets(Clock.systemUTC(), ttl);
  }

  Optional<VoiceTickets.Ticket> issue(UserId userId) {
    return tickets.issue(userId);
  }

  Optional<UserId> redeem(String value) {
    return tickets.redeem(value);
  }
}
