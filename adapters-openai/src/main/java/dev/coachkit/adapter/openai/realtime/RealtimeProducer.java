package dev.coachkit.adapter.openai.realtime;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.ports.out.realtime.RealtimeModel;
import dev.coachkit.ports.out.realtime.RealtimeTokenIssuer;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** CDI wiring: the realtime model and the token issuer from {@code coach.openai.*}. */
@Singleton
class RealtimeProducer {

  private static final Logger LOG = Logger.getLogger(RealtimeProducer.class);

  @Produces
  @Singleton
  @Typed({OpenAiRealtimeModel.class, RealtimeModel.class})
  OpenAiRealtimeModel realtimeModel(OpenAiConfig config) {
    OpenAiRealtimeModel model = new OpenAiRealtimeModel(config);
    if (model.isConfigured()) {
      LOG.info(model.describe());
    } else {
      LOG.warn(model.describe());
    }
    return model;
  }

  @Produces
  @Singleton
  @Typed({OpenAiRealtimeTokenIssuer.class, RealtimeTokenIssuer.class})
  OpenAiRealtimeTokenIssuer tokenIssuer(OpenAiConfig config) {
    return new OpenAiRealtimeTokenIssuer(config);
  }
}
