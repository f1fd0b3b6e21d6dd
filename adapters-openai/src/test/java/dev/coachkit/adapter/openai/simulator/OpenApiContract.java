package dev.coachkit.adapter.openai.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OpenAI OpenAPI 3.1 document, loaded once, and a JSON-schema validator (networknt) for its component
 * schemas.
 *
 * <p>How the spec is fed to the validator: the whole document is converted to JSON and served to the schema factory
 * from memory under a private IRI, and each component is addressed with a JSON pointer fragment
 * ({@code …#/components/schemas/CreateChatCompletionRequest}). Every {@code $ref: '#/components/schemas/X'} then
 * resolves against the same document, exactly as the spec means it; nothing is rewritten.
 *
 * <p>Dialect: plain JSON Schema 2020-12 (the OpenAPI 3.1 base dialect minus its vocabulary) with the OpenAPI 3.0
 * {@code nullable} keyword honoured, because the spec still says {@code nullable: true} on many fields that the API
 * really sends or accepts as {@code null}. The {@code discriminator} keyword is deliberately NOT applied: the spec's
 * discriminators ({@code role} on messages, {@code type} on response formats) have no {@code mapping}, and the OpenAPI
 * implicit mapping (value = schema name) would reject every real message; the {@code oneOf}/{@code enum} under them
 * already decide the branch. {@code format} is not asserted (OpenAI's custom formats such as {@code unixtime} are
 * annotations).
 *
 * <p>Closed validation ({@link #validateClosed}): the spec never forbids unknown properties, yet the real API answers
 * 400 "Unrecognized request argument supplied: X" for an unknown top-level request field. {@code validateClosed} adds
 * {@code unevaluatedProperties: false} around the named component (2020-12 semantics: it sees the properties that
 * {@code allOf}/{@code $ref} evaluated), so an unknown or misspelt top-level property is a violation. Nested objects
 * stay as open as the spec says.
 */
public final class OpenApiContract {

  /** System property naming the folder that holds {@code openapi.yaml}. */
  public static final String CONTRACT_DIR_PROPERTY = ContractFiles.CONTRACT_DIR_PROPERTY;

  /** The file of the official spec inside the contract folder. */
  public static final String SPEC_FILE = "openapi.yaml";

  private static final String DOCUMENT_IRI = "https://contracts.coachkit.invalid/openai/openapi.json";
  private static final String CLOSED_PREFIX = "https://contracts.coachkit.invalid/openai/closed/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static volatile OpenApiContract official;

  private final JsonNode document;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> openSchemas = new ConcurrentHashMap<>();
  private final Map<String, JsonSchema> closedSchemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode document) {
    this.document = document;
    String documentJson = document.toString();
    this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
        .schemaLoaders(loaders -> loaders.schemas((String iri) -> {
          if (DOCUMENT_IRI.equals(iri)) {
            return documentJson;
          }
          if (iri.startsWith(CLOSED_PREFIX)) {
            return closedWrapper(iri.substring(CLOSED_PREFIX.length()));
          }
          return null;
        })));
    this.config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .nullableKeywordEnabled(true)
        .discriminatorKeywordEnabled(false)
        .formatAssertionsEnabled(false)
        .build();
  }

  /** The official spec from {@link #contractDir()}, parsed once per JVM (the YAML is about 3 MB). */
  public static OpenApiContract official() {
    OpenApiContract result = official;
    if (result == null) {
      synchronized (OpenApiContract.class) {
        result = official;
        if (result == null) {
          result = load(contractDir().resolve(SPEC_FILE));
          official = result;
        }
      }
    }
    return result;
  }

  /** Loads an OpenAPI document (YAML or JSON) from a file; prefer {@link #official()}, which caches. */
  public static OpenApiContract load(Path specFile) {
    Objects.requireNonNull(specFile, "specFile must not be null");
    return new OpenApiContract(ContractFiles.readYaml(specFile));
  }

  /** The folder of the OpenAI contract that holds {@value #SPEC_FILE} (see {@link ContractFiles#locate}). */
  public static Path contractDir() {
    return ContractFiles.locate(SPEC_FILE);
  }

  /** The whole spec as a JSON tree (read only: do not modify). */
  public JsonNode document() {
    return document;
  }

  /** The raw component schema named {@code name}, e.g. {@code CreateChatCompletionRequest}. */
  public JsonNode componentSchema(String name) {
    JsonNode schema = document.path("components").path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no component schema " + name);
    }
    return schema;
  }

  /** Violations of the component schema as the spec states it (unknown properties allowed where it allows them). */
  public List<ContractViolation> validate(String schemaName, JsonNode instance) {
    componentSchema(schemaName);
    JsonSchema schema = openSchemas.computeIfAbsent(schemaName,
        name -> factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#/components/schemas/" + name), config));
    return violations(schema, instance);
  }

  /** Like {@link #validate} and, in addition, no top-level property the schema does not name. */
  public List<ContractViolation> validateClosed(String schemaName, JsonNode instance) {
    componentSchema(schemaName);
    JsonSchema schema = closedSchemas.computeIfAbsent(schemaName,
        name -> factory.getSchema(SchemaLocation.of(CLOSED_PREFIX + name), config));
    return violations(schema, instance);
  }

  /** Parses {@code json} and validates it with {@link #validate(String, JsonNode)}. */
  public List<ContractViolation> validate(String schemaName, String json) {
    try {
      return validate(schemaName, JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of(new ContractViolation("", "json", "not JSON: " + e.getOriginalMessage()));
    }
  }

  /**
   * Validates {@code instance} against a free-standing JSON Schema (2020-12), e.g. the {@code json_schema.schema} a
   * request carries in {@code response_format}. Returns a single {@code schema} violation if the schema itself cannot
   * be compiled.
   */
  public static List<ContractViolation> validateAgainst(JsonNode schema, JsonNode instance) {
    try {
      JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(schema, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());
      return violations(compiled, instance);
    } catch (RuntimeException e) {
      return List.of(new ContractViolation("", "schema", "unusable JSON schema: " + e.getMessage()));
    }
  }

  private static List<ContractViolation> violations(JsonSchema schema, JsonNode instance) {
    List<ContractViolation> result = new ArrayList<>();
    for (ValidationMessage message : schema.validate(instance)) {
      result.add(new ContractViolation(String.valueOf(message.getInstanceLocation()), message.getType(),
          message.getMessage()));
    }
    result.sort(Comparator.comparing(ContractViolation::instanceLocation).thenComparing(ContractViolation::keyword));
    return List.copyOf(result);
  }

  private static String closedWrapper(String componentName) {
    ObjectNode wrapper = JSON.createObjectNode();
    wrapper.put("$ref", DOCUMENT_IRI + "#/components/schemas/" + componentName);
    wrapper.put("unevaluatedProperties", false);
    return wrapper.toString();
  }
}
