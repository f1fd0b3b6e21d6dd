package dev.coachkit.adapter.persistence.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Reads rows that PostgreSQL rendered as JSON ({@code row_to_json}, {@code json_agg}) into the entity classes: keys
 * are the column names (snake_case of the entity fields), timestamps ISO 8601 with an offset. Lets a store read
 * rows of several tables in one statement; the entity mappers then turn them into port records as usual.
 */
public final class JsonRows {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .registerModule(new SimpleModule("coachkit-json-rows")
          .addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
              return OffsetDateTime.parse(p.getValueAsString()).toInstant();
            }
          })
          .addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
              return LocalDate.parse(p.getValueAsString());
            }
          }));

  private JsonRows() {}

  /** One row, or empty when the column was NULL (no row). */
  public static <T> Optional<T> one(Object json, Class<T> type) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(json.toString(), type));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + type.getSimpleName() + " row", e);
    }
  }

  /** A JSON array of rows, or an empty list when the column was NULL (json_agg of no rows). */
  public static <T> List<T> list(Object json, Class<T> type) {
    if (json == null) {
      return List.of();
    }
    CollectionType listType = MAPPER.getTypeFactory().constructCollectionType(List.class, type);
    try {
      return MAPPER.readValue(json.toString(), listType);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + type.getSimpleName() + " rows", e);
    }
  }
}
