package dev.coachkit.ports.model.realtime;

import dev.coachkit.ports.model.common.Require;
import dev.coachkit.ports.model.model.ToolSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Configuration of a realtime session, built by the domain (audio is always PCM16 24 kHz mono).
 *
 * <p>An adapter maps this to the provider's {@code session.update}.
 */
public record RealtimeSessionConfig(
    String model,
    String instructions,
    String voice,
    TurnDetection turnDetection,
    Optional<String> inputTranscriptionModel,
    List<ToolSpec> tools,
    Locale language) {
  public RealtimeSessionConfig {
    Require.text(model, "model", 128);
    Require.nonNull(instructions, "instructions");
    Require.text(voice, "voice", 64);
    Require.nonNull(turnDetection, "turnDetection");
    Require.optionalText(inputTranscriptionModel, "inputTranscriptionModel", 128);
    tools = Require.list(tools, "tools");
    if (tools.stream().map(ToolSpec::name).distinct().count() != tools.size()) {
      throw new IllegalArgumentException("tools must have distinct names");
    }
    Require.nonNull(language, "language");
  }
}
