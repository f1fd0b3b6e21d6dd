package dev.coachkit.domain.safety;

import dev.coachkit.domain.persona.CoachLanguage;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Screens a user's message before the model sees it: a red flag gets a careful, fixed reply that points to
 * professional or emergency help, in the language the user wrote the red-flag words in.
 *
 * <p>The reply is deterministic on purpose: on this path no model is called and no plan is generated. The caller
 * flags the message for review.
 */
public final class SafetyScreen {
  private final RedFlagDetector detector;

  public SafetyScreen(RedFlagDetector detector) {
    this.detector = Objects.requireNonNull(detector, "detector must not be null");
  }

  public SafetyScreen() {
    this(new RedFlagDetector());
  }

  /** The safety path for this message, or empty when it carries no red flag. */
  public Optional<SafetyAssessment> assess(String text, Locale userLanguage) {
    CoachLanguage preferred = CoachLanguage.of(Objects.requireNonNull(userLanguage, "userLanguage must not be null"));
    return detector.detect(text, preferred).map(match -> {
      CoachLanguage language = match.language();
      return new SafetyAssessment(match, language, reply(match.flag(), language), actions(match.flag(), language));
    });
  }

  static String reply(RedFlag flag, CoachLanguage language) {
    boolean es = language == CoachLanguage.SPANISH;
    switch (flag) {
      case SELF_HARM:
        return es
            ? "Siento mucho que estés pasando por esto, y me alegra que lo hayas dicho. Tu vida importa. Si estás en"
                + " peligro ahora, llama al 112. En España puedes llamar al 024 (atención a la conducta suicida),"
                + " gratis y a cualquier hora; en otros países, a tu línea local de crisis. Habla también con"
                + " alguien de confianza o con un profesional de salud mental. No voy a hablar de entrenamiento ni"
                + " de dietas ahora: lo importante eres tú."
            : "I'm really sorry you're going through this, and I'm glad you told me. Your life matters. If you are"
                + " in danger right now, call your local emergency number (911 in the US, 112 in Europe). In the US"
                + " you can call or text 988 (Suicide & Crisis Lifeline) any time; elsewhere, your local crisis line."
                + " Please also reach out to someone you trust or a mental health professional. I won't talk about"
                + " training or diets right now: what matters is you.";
      case CHEST_PAIN:
        return es
            ? "Lo que describes me preocupa: el dolor o la presión en el pecho puede ser una urgencia. Deja de hacer"
                + " ejercicio y llama ahora al 112 (o a tu número de emergencias), sobre todo si el dolor se extiende"
                + " al brazo, la mandíbula o la espalda, o si te falta el aire. No voy a darte un plan de"
                + " entrenamiento hasta que te haya visto un médico."
            : "I'm concerned by what you describe: chest pain or pressure can be an emergency. Stop exercising and"
                + " call your local emergency number now (911 in the US, 112 in Europe), especially if the pain"
                + " spreads to your arm, jaw or back, or you are short of breath. I won't give you a training plan"
                + " until a doctor has checked you.";
      case FAINTING:
        return es
            ? "Desmayarse o perder el conocimiento hay que tomárselo en serio. Si vuelve a pasar, si te golpeaste la"
                + " cabeza o tienes dolor en el pecho, llama al 112. Si no, pide cita con tu médico antes de volver a"
                + " entrenar. No voy a darte un plan hasta que un profesional lo haya valorado."
            : "Fainting or losing consciousness needs to be taken seriously. If it happens again, if you hit your"
                + " head or have chest pain, call your local emergency number. Otherwise, please see a doctor before"
                + " you train again. I won't give you a plan until a professional has checked this.";
      case EATING_DISORDER:
        return es
            ? "Gracias por contármelo; lo que describes puede ser señal de un trastorno de la conducta alimentaria, y"
                + " mereces ayuda de verdad. Habla con tu médico o con un profesional especializado; en España puedes"
                + " llamar a la Fundación ANAR (900 20 20 10) o pedir orientación en tu centro de salud. Si te sientes"
                + " en peligro, llama al 112. No voy a darte dietas ni planes de ejercicio ahora."
            : "Thank you for telling me. What you describe can be a sign of an eating disorder, and you deserve real"
                + " support. Please talk to your doctor or an eating disorder specialist; in the US the ANAD helpline"
                + " (1-888-375-7767) can help, in the UK Beat (0808 801 0677). If you feel in danger, call your local"
                + " emergency number. I won't give you diets or exercise plans right now.";
      default:
        return es
            ? "Durante el embarazo, perder peso rápido, hacer dietas estrictas, ayunar o entrenar al máximo puede"
                + " ser peligroso para ti y para el bebé. Habla de tus objetivos con tu matrona, ginecólogo o médico"
                + " antes de cambiar tu alimentación o tu entrenamiento. Si tienes sangrado, dolor o mareos, llama al"
                + " 112. No voy a crear un plan con ese objetivo."
            : "During pregnancy, rapid weight loss, strict dieting, fasting or training at maximum intensity can be"
                + " dangerous for you and your baby. Please talk about your goals with your midwife, obstetrician or"
                + " doctor before changing how you eat or train. If you have bleeding, pain or dizziness, call your"
                + " local emergency number. I won't create a plan for that goal.";
    }
  }

  static List<String> actions(RedFlag flag, CoachLanguage language) {
    boolean es = language == CoachLanguage.SPANISH;
    switch (flag) {
      case SELF_HARM:
      case CHEST_PAIN:
        return es ? List.of("Llamar al 112", "Hablar con un profesional de la salud")
            : List.of("Call emergency services", "Talk to a health professional");
      default:
        return es ? List.of("Hablar con un profesional de la salud") : List.of("Talk to a health professional");
    }
  }
}
