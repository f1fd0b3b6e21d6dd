package dev.coachkit.domain.safety;

import dev.coachkit.domain.persona.CoachLanguage;
import java.util.List;
import java.util.Objects;

/** The safety path for a red-flag message: what was found, the careful reply, and the actions to suggest. */
public record SafetyAssessment(RedFlagMatch match, CoachLanguage language, String reply,
    List<String> suggestedActions) {
  public SafetyAssessment {
    Objects.requireNonNull(match, "match must not be null");
    Objects.requireNonNull(language, "language must not be null");
    Objects.requireNonNull(reply, "reply must not be null");
    suggestedActions = List.copyOf(suggestedActions);
  }

  public RedFlag flag() {
    return match.flag();
  }
}
