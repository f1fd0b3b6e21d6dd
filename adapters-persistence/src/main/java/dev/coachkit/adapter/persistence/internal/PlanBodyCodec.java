package dev.coachkit.adapter.persistence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coachkit.ports.model.plan.NutritionPlan;
import dev.coachkit.ports.model.plan.PlanBody;
import dev.coachkit.ports.model.plan.PlanKind;
import dev.coachkit.ports.model.plan.WorkoutPlan;

/**
 * JSON text of a plan body for the {@code plans.body} jsonb column: the record components as members. The kind
 * is its own column, so the body carries no type tag. A private ObjectMapper keeps the application's Jackson
 * configuration from changing what is stored.
 */
public final class PlanBodyCodec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private PlanBodyCodec() {}

  public static String write(PlanBody body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write a " + body.kind() + " plan body as JSON", e);
    }
  }

  public static PlanBody read(PlanKind kind, String json) {
    Class<? extends PlanBody> type = kind == PlanKind.WORKOUT ? WorkoutPlan.class : NutritionPlan.class;
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored " + kind + " plan body is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
