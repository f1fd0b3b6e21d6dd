package dev.coachkit.adapter.openai.simulator.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.coachkit.adapter.openai.simulator.ContractFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenAI Realtime wire contract, loaded from the spec extracts in {@code shared/contracts/openai}: validates
 * client and server events (chosen by their {@code type}) and REST bodies against the published JSON schemas.
 *
 * <p>GA events are checked against {@code extract-realtime.yaml} ({@code RealtimeClientEvent*},
 * {@code RealtimeServerEvent*}); beta events against {@code extract-realtime-beta-2025-04-29.yaml}, the last spec
 * that used the beta wire names. The event-type to schema map is read from the spec's own
 * {@code RealtimeClientEvent}/{@code RealtimeServerEvent} unions, not written by hand.
 *
 * <p>Three modes, all derived from the spec by generic transforms (no per-field rule is written by hand):
 * <ul>
 *   <li>{@link Mode#PUBLISHED}: the spec exactly as published.</li>
 *   <li>{@link Mode#STRICT} (client events): every object schema that lists {@code properties} and says nothing
 *       about extra members gets {@code additionalProperties: false}, and an optional property may be {@code null}.
 *       The live API rejects parameters it does not know (the beta field {@code session.input_audio_format} on a
 *       GA session, see the contract README), and the spec is silent on it; closing the objects is how such a
 *       field is caught.</li>
 *   <li>{@link Mode#WIRE} (server events): the published schemas, open as published, plus the tolerances the real
 *       recordings in {@code recordings/} need. Each is seen there, and {@code RealtimeContractTest} proves every
 *       recording passes WIRE: (1) a property that is not {@code required} may be {@code null} (the server sends
 *       {@code status_details: null} and {@code usage: null} in {@code response.created}, {@code transcript: null}
 *       on user audio items), and so may {@code previous_item_id} even where the beta spec requires it (beta
 *       {@code conversation.item.created} of the first item); (2) a {@code status} enum that has {@code completed}
 *       also accepts {@code in_progress}; (3) a content {@code type} enum that has {@code text} or
 *       {@code input_audio} also accepts {@code audio} (beta assistant items carry
 *       {@code {"type":"audio","transcript":...}}, which the 2025-04-29 enum lacks). Objects stay open because the
 *       published server schemas are incomplete (the beta session lacks {@code object}, {@code expires_at},
 *       {@code client_secret}; beta {@code function_call_arguments.done} lacks {@code name}; GA deltas carry
 *       {@code obfuscation}) and the live service sends those members.</li>
 * </ul>
 */
public final class RealtimeContract {

  /** System property that overrides where the contract folder is. */
  public static final String CONTRACT_DIR_PROPERTY = ContractFiles.CONTRACT_DIR_PROPERTY;

  static final String GA_FILE = "extract-realtime.yaml";
  static final String BETA_FILE = "extract-realtime-beta-2025-04-29.yaml";

  /** How the schemas are applied. */
  public enum Mode {
    /** Closed objects (unknown members rejected), optional members nullable: for client events. */
    STRICT,
    /** The spec exactly as published. */
    PUBLISHED,
    /** The published schemas plus the documented spec-vs-wire tolerances seen in the real recordings. */
    WIRE
  }

  /** One schema violation: where in the JSON it is and what the validator said. */
  public record Violation(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private static volatile RealtimeContract shared;

  private final Path dir;
  private final Map<RealtimeProtocol, Map<Mode, JsonNode>> components = new EnumMap<>(RealtimeProtocol.class);
  private final Map<RealtimeProtocol, Map<String, String>> clientSchemas = new EnumMap<>(RealtimeProtocol.class);
  private final Map<RealtimeProtocol, Map<String, String>> serverSchemas = new EnumMap<>(RealtimeProtocol.class);
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final ObjectMapper json = new ObjectMapper();

  private RealtimeContract(Path dir) {
    this.dir = dir;
    for (RealtimeProtocol protocol : RealtimeProtocol.values()) {
      Path file = dir.resolve(protocol == RealtimeProtocol.GA ? GA_FILE : BETA_FILE);
      JsonNode spec = ContractFiles.readYaml(file);
      JsonNode published = spec.path("components");
      JsonNode strict = published.deepCopy();
      transform(strict, true, false);
      JsonNode wire = published.deepCopy();
      transform(wire, false, true);
      Map<Mode, JsonNode> byMode = new EnumMap<>(Mode.class);
      byMode.put(Mode.PUBLISHED, published);
      byMode.put(Mode.STRICT, strict);
      byMode.put(Mode.WIRE, wire);
      components.put(protocol, byMode);
      clientSchemas.put(protocol, eventTypes(published, "RealtimeClientEvent"));
      serverSchemas.put(protocol, eventTypes(published, "RealtimeServerEvent"));
    }
  }

  /** The contract from the folder found by {@link #locateContractDir()}, loaded once per JVM. */
  public static RealtimeContract load() {
    RealtimeContract c = shared;
    if (c == null) {
      synchronized (RealtimeContract.class) {
        if (shared == null) {
          shared = new RealtimeContract(locateContractDir());
        }
        c = shared;
      }
    }
    return c;
  }

  /** The contract from an explicit folder. */
  public static RealtimeContract load(Path contractDir) {
    return new RealtimeContract(contractDir);
  }

  /** Finds the contract folder that holds the GA extract (see {@link ContractFiles#locate}). */
  public static Path locateContractDir() {
    return ContractFiles.locate(GA_FILE);
  }

  /** The contract folder in use. */
  public Path contractDir() {
    return dir;
  }

  /** The recordings folder. */
  public Path recordingsDir() {
    return dir.resolve("recordings");
  }

  /** Every recorded server-event sequence ({@code recordings/*.server-events.jsonl}), sorted by file name. */
  public List<Path> recordings() {
    try (Stream<Path> files = Files.list(recordingsDir())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".server-events.jsonl")).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Client event types of a protocol, as the spec's client-event union lists them. */
  public Set<String> clientEventTypes(RealtimeProtocol protocol) {
    return Collections.unmodifiableSet(clientSchemas.get(protocol).keySet());
  }

  /** Server event types of a protocol, as the spec's server-event union lists them. */
  public Set<String> serverEventTypes(RealtimeProtocol protocol) {
    return Collections.unmodifiableSet(serverSchemas.get(protocol).keySet());
  }

  /** The schema name of a client event type, if the protocol has that event. */
  public Optional<String> clientEventSchema(RealtimeProtocol protocol, String type) {
    return Optional.ofNullable(clientSchemas.get(protocol).get(type));
  }

  /** The schema name of a server event type, if the protocol has that event. */
  public Optional<String> serverEventSchema(RealtimeProtocol protocol, String type) {
    return Optional.ofNullable(serverSchemas.get(protocol).get(type));
  }

  /** Validates a client event strictly; an empty list means valid. */
  public List<Violation> validateClientEvent(RealtimeProtocol protocol, JsonNode event) {
    return validateEvent(protocol, event, clientSchemas.get(protocol), Mode.STRICT, "client");
  }

  /** Validates a server event in the given mode; an empty list means valid. */
  public List<Violation> validateServerEvent(RealtimeProtocol protocol, JsonNode event, Mode mode) {
    return validateEvent(protocol, event, serverSchemas.get(protocol), mode, "server");
  }

  /** Validates any JSON against a named schema of {@code components.schemas}. */
  public List<Violation> validate(RealtimeProtocol protocol, String schemaName, JsonNode value, Mode mode) {
    if (components.get(protocol).get(mode).path("schemas").path(schemaName).isMissingNode()) {
      throw new IllegalArgumentException("no schema " + schemaName + " in the " + protocol + " extract");
    }
    JsonSchema schema = compiled.computeIfAbsent(protocol + "/" + mode + "/" + schemaName,
        k -> compile(protocol, mode, schemaName));
    Set<ValidationMessage> messages = schema.validate(value);
    List<Violation> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      out.add(new Violation(m.getInstanceLocation().toString(), m.getMessage()));
    }
    return out;
  }

  private List<Violation> validateEvent(RealtimeProtocol protocol, JsonNode event, Map<String, String> schemas,
      Mode mode, String side) {
    if (event == null || !event.isObject()) {
      return List.of(new Violation("$", "an event must be a JSON object"));
    }
    JsonNode type = event.get("type");
    if (type == null || !type.isTextual()) {
      return List.of(new Violation("$.type", "The 'type' field is missing."));
    }
    String schemaName = schemas.get(type.asText());
    if (schemaName == null) {
      return List.of(new Violation("$.type", "Invalid value: '" + type.asText() + "'. It is not a " + protocol
          + " " + side + " event type; supported values are: " + String.join(", ", schemas.keySet()) + "."));
    }
    return validate(protocol, schemaName, event, mode);
  }

  private JsonSchema compile(RealtimeProtocol protocol, Mode mode, String schemaName) {
    ObjectNode root = json.createObjectNode();
    root.put("$ref", "#/components/schemas/" + schemaName);
    root.set("components", components.get(protocol).get(mode));
    SchemaLocation location = SchemaLocation.of("https://contracts.coachkit.local/openai/"
        + protocol.name().toLowerCase() + "/" + mode.name().toLowerCase() + "/" + schemaName + ".json");
    return factory.getSchema(location, root);
  }

  /** type value -> schema name, read from the anyOf/oneOf list of a union schema. */
  private static Map<String, String> eventTypes(JsonNode components, String union) {
    JsonNode schemas = components.path("schemas");
    JsonNode u = schemas.path(union);
    JsonNode list = u.has("anyOf") ? u.get("anyOf") : u.path("oneOf");
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode ref : list) {
      String name = ref.path("$ref").asText().replace("#/components/schemas/", "");
      JsonNode typeSchema = schemas.path(name).path("properties").path("type");
      if (typeSchema.has("enum")) {
        for (JsonNode v : typeSchema.get("enum")) {
          out.put(v.asText(), name);
        }
      } else if (typeSchema.has("const")) {
        out.put(typeSchema.get("const").asText(), name);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no event types under " + union);
    }
    return out;
  }

  /**
   * With {@code close}, adds additionalProperties:false to every object schema that lists properties and leaves
   * extras open; always lets optional properties be null; with {@code wire}, adds the enum tolerances listed in
   * the class comment.
   */
  private static void transform(JsonNode node, boolean close, boolean wire) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      JsonNode props = o.get("properties");
      if (props != null && props.isObject()) {
        if (close && !o.has("additionalProperties") && !o.has("unevaluatedProperties") && !o.has("allOf")
            && !o.has("anyOf") && !o.has("oneOf")) {
          o.put("additionalProperties", false);
        }
        applyTolerances(o, (ObjectNode) props, wire);
      }
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (!name.startsWith("x-") && !"example".equals(name) && !"default".equals(name)) {
          transform(o.get(name), close, wire);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        transform(child, close, wire);
      }
    }
  }

  private static void applyTolerances(ObjectNode schema, ObjectNode props, boolean wire) {
    Set<String> required = new java.util.HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    List<String> names = new ArrayList<>();
    props.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode p = props.get(name);
      if (!p.isObject()) {
        continue;
      }
      ObjectNode prop = (ObjectNode) p;
      JsonNode enumeration = prop.get("enum");
      if (wire && enumeration != null && enumeration.isArray()) {
        List<String> values = new ArrayList<>();
        enumeration.forEach(v -> values.add(v.asText()));
        if ("status".equals(name) && values.contains("completed") && !values.contains("in_progress")) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) enumeration).add("in_progress");
        }
        if ("type".equals(name) && (values.contains("text") || values.contains("input_audio"))
            && !values.contains("audio")) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) enumeration).add("audio");
        }
      }
      if (!required.contains(name) || (wire && "previous_item_id".equals(name))) {
        ObjectNode copy = prop.deepCopy();
        prop.removeAll();
        ArrayNode anyOf = prop.putArray("anyOf");
        anyOf.add(copy);
        anyOf.addObject().put("type", "null");
      }
    }
  }
}
