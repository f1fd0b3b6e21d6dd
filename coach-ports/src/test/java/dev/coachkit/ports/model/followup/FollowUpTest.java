package dev.coachkit.ports.model.followup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.common.FollowUpId;
import dev.coachkit.ports.model.common.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FollowUpTest {
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  @Test
  void givenCompletedWithoutCompletedAt_construct_isRejected() {
    assertThatThrownBy(() -> new FollowUp(FollowUpId.of(UUID.randomUUID()), UserId.of("u"), AT, "knee",
            FollowUpStatus.COMPLETED, Optional.empty(), AT, Optional.empty()))
        .hasMessageContaining("completedAt");
  }

  @Test
  void givenScheduledWithCompletedAt_construct_isRejected() {
    assertThatThrownBy(() -> new FollowUp(FollowUpId.of(UUID.randomUUID()), UserId.of("u"), AT, "knee",
            FollowUpStatus.SCHEDULED, Optional.empty(), AT, Optional.of(AT)))
        .hasMessageContaining("completedAt");
  }
}
