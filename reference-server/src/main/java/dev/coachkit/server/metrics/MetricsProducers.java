package dev.coachkit.server.metrics;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.ports.out.model.CoachModel;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.util.Locale;

/** Wraps the model adapter in {@link MeteredCoachModel}; the domain services are built with the wrapped one. */
public class MetricsProducers {

  @Produces
  @Singleton
  @Typed(MeteredCoachModel.class)
  MeteredCoachModel meteredModel(CoachModel model, MeterRegistry registry, PriceTable prices, OpenAiConfig openAi) {
    String primary = openAi.primary().name()
        .orElse(openAi.primary().provider().name().toLowerCase(Locale.ROOT));
    return new MeteredCoachModel(model, registry, prices, primary);
  }
}
