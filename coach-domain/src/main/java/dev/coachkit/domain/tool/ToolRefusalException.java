package dev.coachkit.domain.tool;

import java.util.List;

/** A tool understood the request but refused it (e.g. the plan validator); the reasons are for the model. */
final class ToolRefusalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> reasons;

  ToolRefusalException(String message, List<String> reasons) {
    super(message, null, false, false);
    this.reasons = List.copyOf(reasons);
  }

  List<String> reasons() {
    return reasons;
  }
}
