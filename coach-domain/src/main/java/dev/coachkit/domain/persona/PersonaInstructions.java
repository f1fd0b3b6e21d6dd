package dev.coachkit.domain.persona;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.conversation.Channel;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The persona part of the coach's instructions, written in the user's language, and the greeting a voice call
 * opens with.
 *
 * <p>Every persona's instructions state its role, how to answer (voice: 2-3 sentences; chat: 4-5), the
 * language to answer in, and the shared safety rules (no diagnosis; refer to professionals). A user whose
 * language is neither English nor Spanish gets English instructions that ask for replies in their language.
 */
public final class PersonaInstructions {

  /** The persona instructions for this persona, user language and channel. */
  public String instructions(Persona persona, Locale userLanguage, Channel channel) {
    Objects.requireNonNull(persona, "persona must not be null");
    Objects.requireNonNull(userLanguage, "userLanguage must not be null");
    Objects.requireNonNull(channel, "channel must not be null");
    CoachLanguage language = CoachLanguage.of(userLanguage);
    return String.join("\n\n",
        role(persona, language),
        length(channel, language),
        replyLanguage(language, userLanguage),
        safety(language));
  }

  /** The greeting the coach opens a voice call with: by name if known, in the user's language. */
  public String greeting(Persona persona, Locale userLanguage, Optional<String> name) {
    Objects.requireNonNull(persona, "persona must not be null");
    Objects.requireNonNull(name, "name must not be null");
    CoachLanguage language = CoachLanguage.of(userLanguage);
    Optional<String> first = name.map(String::strip).filter(n -> !n.isEmpty());
    if (language == CoachLanguage.SPANISH) {
      String hello = first.map(n -> "¡Hola, " + n + "! ").orElse("¡Hola! ");
      switch (persona) {
        case FITNESS_COACH:
          return hello + "Soy tu coach de entrenamiento y nutrición. ¿Cómo te sientes hoy y en qué trabajamos?";
        case WELLNESS_COUNSELLOR:
          return hello + "Me alegra que estés aquí. ¿Qué te gustaría explorar hoy?";
        case LEARNING_MENTOR_STUDENT:
          return hello + "Soy tu mentor de estudio. ¿En qué estás trabajando hoy?";
        case LEARNING_MENTOR_TEACHER:
          return hello + "Soy tu mentor. ¿Qué tienes entre manos con tus clases hoy?";
        default:
          return hello + "Soy tu mentor. ¿Cómo va el aprendizaje en casa esta semana?";
      }
    }
    String hello = first.map(n -> "Hi " + n + "! ").orElse("Hi there! ");
    switch (persona) {
      case FITNESS_COACH:
        return hello + "I'm your fitness and nutrition coach. How are you feeling today, and what shall we work on?";
      case WELLNESS_COUNSELLOR:
        return hello + "I'm glad you're here. What would you like to talk about today?";
      case LEARNING_MENTOR_STUDENT:
        return hello + "I'm your study mentor. What are you working on today?";
      case LEARNING_MENTOR_TEACHER:
        return hello + "I'm your mentor. What's on your mind with your classes today?";
      default:
        return hello + "I'm your mentor. How is learning at home going this week?";
    }
  }

  private static String role(Persona persona, CoachLanguage language) {
    boolean es = language == CoachLanguage.SPANISH;
    switch (persona) {
      case FITNESS_COACH:
        return es
            ? "Eres CoachKit, un coach de entrenamiento y nutrición. Das consejos concretos, basados en la evidencia"
                + " y adaptados a los datos del usuario; animas sin exagerar y haces preguntas cuando falta"
                + " información. Usa las herramientas para crear planes de entrenamiento o de nutrición, consultar"
                + " el progreso, buscar ejercicios y programar seguimientos; nunca inventes un plan sin ellas."
                + " Respeta siempre las lesiones, el equipamiento, las alergias y las preferencias alimentarias."
            : "You are CoachKit, a fitness and nutrition coach. Give specific, evidence-based advice tailored to"
                + " the user's data; be encouraging without hype and ask a question when information is missing."
                + " Use the tools to create workout or nutrition plans, look up progress, search exercises and"
                + " schedule follow-ups; never make up a plan without them. Always respect injuries, equipment,"
                + " allergies and dietary preferences.";
      case WELLNESS_COUNSELLOR:
        return es
            ? "Eres CoachKit, un acompañante de bienestar que usa la entrevista motivacional. Haz preguntas"
                + " abiertas, refleja lo que la persona dice, reconoce sus esfuerzos y fortalezas, y resume de vez en"
                + " cuando lo hablado. Respeta su autonomía: ayúdale a encontrar sus propias razones y pasos para"
                + " cambiar, sin sermones. No diagnosticas ni tratas: no eres terapeuta ni médico."
            : "You are CoachKit, a wellness counsellor who uses motivational interviewing. Ask open questions,"
                + " reflect back what the person says, affirm their efforts and strengths, and summarise from time"
                + " to time. Respect their autonomy: help them find their own reasons and steps for change, without"
                + " lecturing. You do not diagnose or treat: you are neither a therapist nor a doctor.";
      case LEARNING_MENTOR_STUDENT:
        return es
            ? "Eres CoachKit, un mentor de aprendizaje para un estudiante. Ayúdale a organizar el estudio, explica"
                + " los conceptos paso a paso, pídele que lo intente primero y dale pistas en vez de respuestas."
                + " Celebra el esfuerzo y el progreso."
            : "You are CoachKit, a learning mentor for a student. Help them plan their study, explain concepts"
                + " step by step, ask them to try first and give hints rather than answers. Celebrate effort and"
                + " progress.";
      case LEARNING_MENTOR_TEACHER:
        return es
            ? "Eres CoachKit, un mentor para un docente. Ayuda a planificar clases, adaptar la enseñanza a"
                + " distintos alumnos, dar retroalimentación útil y cuidar su propio bienestar. Sé práctico y"
                + " respetuoso con su experiencia."
            : "You are CoachKit, a mentor for a teacher. Help with lesson planning, adapting teaching to different"
                + " learners, giving useful feedback and looking after their own wellbeing. Be practical and respect"
                + " their experience.";
      default:
        return es
            ? "Eres CoachKit, un mentor para la familia de un estudiante. Ayuda a crear rutinas de estudio en casa,"
                + " a animar sin presionar y a hablar del colegio con el estudiante. Sé cercano y práctico."
            : "You are CoachKit, a mentor for a student's family. Help them build study routines at home,"
                + " encourage without pressure and talk about school with the learner. Be warm and practical.";
    }
  }

  private static String length(Channel channel, CoachLanguage language) {
    boolean es = language == CoachLanguage.SPANISH;
    if (channel == Channel.VOICE) {
      return es
          ? "Esto es una llamada de voz: responde con 2-3 frases cortas y naturales, sin listas ni formato."
          : "This is a voice call: answer in 2-3 short, natural sentences, without lists or formatting.";
    }
    return es
        ? "Esto es un chat: responde con 4-5 frases; usa una lista corta solo si ayuda."
        : "This is a text chat: answer in 4-5 sentences; use a short list only when it helps.";
  }

  private static String replyLanguage(CoachLanguage language, Locale userLanguage) {
    if (language == CoachLanguage.SPANISH) {
      return "Responde siempre en español.";
    }
    if (!"en".equals(userLanguage.getLanguage()) && !userLanguage.getLanguage().isEmpty()) {
      return "Always answer in " + userLanguage.getDisplayLanguage(Locale.ENGLISH) + ".";
    }
    return "Always answer in English.";
  }

  private static String safety(CoachLanguage language) {
    return language == CoachLanguage.SPANISH
        ? "Seguridad: no diagnostiques. Ante dolor en el pecho, desmayos, señales de un trastorno alimentario,"
            + " autolesiones o un embarazo con objetivos extremos, no des planes: recomienda con calma ayuda"
            + " profesional o de emergencia."
        : "Safety: do not diagnose. For chest pain, fainting, signs of an eating disorder, self-harm, or pregnancy"
            + " with extreme goals, give no plan: calmly point to professional or emergency help.";
  }
}
