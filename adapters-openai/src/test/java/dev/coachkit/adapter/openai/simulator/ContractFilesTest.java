package dev.coachkit.adapter.openai.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractFilesTest {

  @Test
  void givenTheWorkspace_locate_findsTheFolderHoldingBothSpecsFromAnyStart() {
    Path forChat = ContractFiles.locate(OpenApiContract.SPEC_FILE);
    Path forRealtime = ContractFiles.locate("extract-realtime.yaml");

    assertThat(forChat).isEqualTo(forRealtime);
    assertThat(forChat.endsWith(Path.of("shared", "contracts", "openai"))).isTrue();
    assertThat(OpenApiContract.contractDir()).isEqualTo(forChat);
  }

  @Test
  void givenAFileNoFolderHolds_locate_failsNamingTheFileAndTheProperty() {
    assertThatThrownBy(() -> ContractFiles.locate("no-such-contract.yaml"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-contract.yaml")
        .hasMessageContaining(ContractFiles.CONTRACT_DIR_PROPERTY);
  }

  @Test
  void givenYamlAndABrokenFile_readYaml_parsesTheOneAndFailsNamingTheOther(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "components:\n  schemas:\n    A: {type: object}\n");
    Path missing = dir.resolve("missing.yaml");

    JsonNode tree = ContractFiles.readYaml(good);

    assertThat(tree.at("/components/schemas/A/type").asText()).isEqualTo("object");
    assertThatThrownBy(() -> ContractFiles.readYaml(missing)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing.yaml");
  }
}
