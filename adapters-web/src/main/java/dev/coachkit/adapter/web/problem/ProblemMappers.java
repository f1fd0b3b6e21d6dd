package dev.coachkit.adapter.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every error of the REST resources into an RFC 9457 problem detail: validation failures, unreadable JSON
 * (malformed, wrong types, unknown enum values), framework errors (404, 405, 415, …), refusals of the domain, and
 * invalid values the domain records reject. None of these is a 5xx: a 5xx means a fault of the server.
 */
class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  Response problem(ProblemException e, UriInfo uri) {
    return Problems.response(e, Problems.instance(uri));
  }

  @ServerExceptionMapper
  Response violations(ConstraintViolationException e, UriInfo uri) {
    List<ProblemDetail.Violation> violations = new ArrayList<>();
    boolean returnValue = false;
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      returnValue |= isReturnValue(violation.getPropertyPath());
      violations.add(new ProblemDetail.Violation(field(violation.getPropertyPath()), violation.getMessage()));
    }
    if (returnValue) { // the server produced an invalid response: a fault of ours, not of the caller
      LOG.error("response failed validation", e);
      return Problems.response(new ProblemException(ProblemType.INTERNAL, "the server produced an invalid response"),
          Problems.instance(uri));
    }
    violations.sort(Comparator.comparing(ProblemDetail.Violation::field));
    String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    ProblemDetail body = new ProblemDetail(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400, detail,
        Problems.instance(uri), null, null, violations);
    return Problems.response(body, Optional.empty());
  }

  @ServerExceptionMapper
  Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    return Problems.response(readingProblem(e), Problems.instance(uri));
  }

  /** Same type as Quarkus' built-in mapper, which answers plain JSON; an application mapper takes precedence. */
  @ServerExceptionMapper
  Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return Problems.response(readingProblem(e), Problems.instance(uri));
  }

  @ServerExceptionMapper
  Response http(WebApplicationException e, UriInfo uri) {
    Throwable cause = e.getCause();
    if (cause instanceof JsonProcessingException) {
      return Problems.response(readingProblem((JsonProcessingException) cause), Problems.instance(uri));
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (status == 404 && cause instanceof IllegalArgumentException) {
      // JAX-RS answers 404 when a query or path parameter cannot be converted (e.g. limit=abc): that is bad input
      return Problems.response(new ProblemException(ProblemType.VALIDATION,
          "a parameter has the wrong type: " + cause.getMessage()), Problems.instance(uri));
    }
    if (status >= 500) {
      LOG.error("request failed", e);
    }
    ProblemType type = ProblemType.forStatus(status);
    String title = type == ProblemType.HTTP_ERROR || type == ProblemType.INTERNAL
        ? ProblemType.reasonPhrase(status) : type.title();
    String detail = status == 400 && e.getMessage() != null && e.getMessage().startsWith("HTTP 400")
        ? "the request could not be read" : Optional.ofNullable(e.getMessage()).orElse(title);
    if (status == 404) {
      detail = "no such resource";
    }
    ProblemDetail body = new ProblemDetail(type.uri(), title, status, detail, Problems.instance(uri), null, null,
        null);
    Response.ResponseBuilder response = Response.status(status).type(Problems.PROBLEM_JSON).entity(body);
    if (e.getResponse() != null && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
      response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
    }
    return response.build();
  }

  /** A value the domain's records reject (they validate in their constructors), e.g. a cursor of the wrong form. */
  @ServerExceptionMapper
  Response invalidValue(IllegalArgumentException e, UriInfo uri) {
    return Problems.response(new ProblemException(ProblemType.VALIDATION, String.valueOf(e.getMessage())),
        Problems.instance(uri));
  }

  static ProblemException readingProblem(JsonProcessingException e) {
    if (e instanceof JsonParseException) {
      return new ProblemException(ProblemType.MALFORMED_BODY, "the body is not valid JSON: " + original(e));
    }
    if (e instanceof UnrecognizedPropertyException) {
      UnrecognizedPropertyException unknown = (UnrecognizedPropertyException) e;
      return ProblemException.invalidField(path(unknown), "unknown field");
    }
    if (e instanceof InvalidFormatException) {
      InvalidFormatException invalid = (InvalidFormatException) e;
      Class<?> target = invalid.getTargetType();
      if (target != null && target.isEnum()) {
        String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf)
            .collect(Collectors.joining(", "));
        return ProblemException.invalidField(path(invalid),
            "unknown value '" + invalid.getValue() + "'; allowed: " + allowed);
      }
      return ProblemException.invalidField(path(invalid),
          "'" + invalid.getValue() + "' is not a valid " + typeName(target));
    }
    if (e instanceof MismatchedInputException) {
      MismatchedInputException mismatched = (MismatchedInputException) e;
      String field = path(mismatched);
      if (field.isEmpty()) {
        return new ProblemException(ProblemType.MALFORMED_BODY, "the body must be a JSON object");
      }
      return ProblemException.invalidField(field, "expected " + typeName(mismatched.getTargetType()));
    }
    if (e instanceof JsonMappingException) {
      JsonMappingException mapping = (JsonMappingException) e;
      String field = path(mapping);
      Throwable root = mapping.getCause() != null ? mapping.getCause() : mapping;
      String message = String.valueOf(root.getMessage());
      return field.isEmpty() ? new ProblemException(ProblemType.MALFORMED_BODY, message)
          : ProblemException.invalidField(field, message);
    }
    return new ProblemException(ProblemType.MALFORMED_BODY, "the body could not be read: " + original(e));
  }

  private static String original(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message == null ? "unreadable" : message;
  }

  private static String path(JsonMappingException e) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "integer";
    }
    if (type == Double.class || type == double.class) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (type == String.class) {
      return "string";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    if (type.getName().startsWith("java.time.")) {
      return type.getSimpleName() + " (ISO-8601)";
    }
    if (type == java.util.UUID.class) {
      return "UUID";
    }
    return type.isRecord() ? "object" : type.getSimpleName();
  }

  private static boolean isReturnValue(Path path) {
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  /** {@code send.request.message} becomes {@code message}; a query parameter keeps its name. */
  static String field(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    StringBuilder field = new StringBuilder();
    Iterator<Path.Node> it = nodes.iterator();
    int index = 0;
    while (it.hasNext()) {
      Path.Node node = it.next();
      boolean last = index++ == nodes.size() - 1;
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER && !last) {
        continue;
      }
      if (node.getIndex() != null && field.length() > 0) {
        field.append('[').append(node.getIndex()).append(']');
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        if (field.length() > 0) {
          field.append('.');
        }
        field.append(name);
      }
    }
    return field.length() == 0 ? "body" : field.toString();
  }
}
