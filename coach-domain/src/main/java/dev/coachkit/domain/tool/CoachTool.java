package dev.coachkit.domain.tool;

import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.ToolSpec;

/** One tool: its specification, and how to run it once its arguments have been read. */
interface CoachTool {

  ToolSpec spec();

  /** Whether the tool creates a plan (such tools are withheld on the safety path). */
  default boolean createsPlan() {
    return false;
  }

  /**
   * Runs the tool for the invocation's user.
   *
   * @throws ToolArgumentException when the arguments are unusable
   * @throws ToolRefusalException when the request was understood but refused
   */
  JsonObject run(ToolArguments arguments, ToolInvocation invocation);
}
