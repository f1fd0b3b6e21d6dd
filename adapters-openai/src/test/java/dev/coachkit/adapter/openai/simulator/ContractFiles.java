package dev.coachkit.adapter.openai.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Finds the OpenAI contract folder ({@code shared/contracts/openai}) and reads its YAML files; shared by the chat
 * ({@link OpenApiContract}) and Realtime ({@code RealtimeContract}) simulators so the lookup exists once.
 */
public final class ContractFiles {

  /** System property naming the contract folder; overrides the lookup. */
  public static final String CONTRACT_DIR_PROPERTY = "coach.openai.contract-dir";

  private static final Path RELATIVE_CONTRACT_DIR = Paths.get("shared", "contracts", "openai");

  private ContractFiles() {
  }

  /**
   * The contract folder that holds {@code requiredFile}: the system property {@value #CONTRACT_DIR_PROPERTY} if set
   * (it must hold the file), else the first {@code shared/contracts/openai} holding it met walking up from the
   * working directory (a CI clone has {@code shared/} beside it, a developer worktree a few levels further up;
   * Maven runs tests from the module folder).
   *
   * @throws IllegalStateException naming the property and the file when there is none
   */
  public static Path locate(String requiredFile) {
    Objects.requireNonNull(requiredFile, "requiredFile must not be null");
    String configured = System.getProperty(CONTRACT_DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path dir = Paths.get(configured).toAbsolutePath().normalize();
      if (!Files.isRegularFile(dir.resolve(requiredFile))) {
        throw new IllegalStateException(CONTRACT_DIR_PROPERTY + "=" + dir + " holds no " + requiredFile);
      }
      return dir;
    }
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE_CONTRACT_DIR);
      if (Files.isRegularFile(candidate.resolve(requiredFile))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no " + RELATIVE_CONTRACT_DIR.resolve(requiredFile) + " found walking up from "
        + start + "; set -D" + CONTRACT_DIR_PROPERTY + "=<folder>");
  }

  /** Reads a YAML (or JSON) file as a tree; large files such as the 3 MB official spec are allowed. */
  public static JsonNode readYaml(Path file) {
    Objects.requireNonNull(file, "file must not be null");
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024); // SnakeYAML's 3 MB default is just above today's spec
    options.setMaxAliasesForCollections(1_000);
    ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    try (InputStream in = Files.newInputStream(file)) {
      return yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
