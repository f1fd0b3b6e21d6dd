package dev.coachkit.adapter.openai.chat;

import dev.coachkit.adapter.openai.OpenAiConfig;
import dev.coachkit.ports.out.model.CoachModel;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** CDI wiring: one {@link OpenAiCoachModel} from {@code coach.openai.*}, closed at shutdown. */
@Singleton
class CoachModelProducer {

  private static final Logger LOG = Logger.getLogger(CoachModelProducer.class);

  @Produces
  @Singleton
  @Typed({OpenAiCoachModel.class, CoachModel.class})
  OpenAiCoachModel coachModel(OpenAiConfig config) {
    OpenAiCoachModel model = new OpenAiCoachModel(config);
    if (model.isConfigured()) {
      LOG.info(model.describe());
    } else {
      LOG.warn(model.describe());
    }
    return model;
  }

  void close(@Disposes OpenAiCoachModel model) {
    model.close();
  }
}
