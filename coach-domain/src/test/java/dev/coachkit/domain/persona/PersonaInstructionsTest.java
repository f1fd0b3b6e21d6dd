package dev.coachkit.domain.persona;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.conversation.Channel;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PersonaInstructionsTest {
  private static final Locale SPANISH = Locale.forLanguageTag("es-ES");
  private final PersonaInstructions personas = new PersonaInstructions();

  @ParameterizedTest
  @EnumSource(Persona.class)
  void givenAnyPersona_instructions_stateReplyLengthByChannelInEnglishAndSpanish(Persona persona) {
    assertThat(personas.instructions(persona, Locale.ENGLISH, Channel.VOICE)).contains("2-3 short")
        .contains("Always answer in English.");
    assertThat(personas.instructions(persona, Locale.ENGLISH, Channel.TEXT)).contains("4-5 sentences");
    assertThat(personas.instructions(persona, SPANISH, Channel.VOICE)).contains("2-3 frases")
        .contains("Responde siempre en español.");
    assertThat(personas.instructions(persona, SPANISH, Channel.TEXT)).contains("4-5 frases");
  }

  @ParameterizedTest
  @EnumSource(Persona.class)
  void givenAnyPersona_instructions_forbidDiagnosisAndPointToHelp(Persona persona) {
    assertThat(personas.instructions(persona, Locale.ENGLISH, Channel.TEXT)).contains("do not diagnose")
        .contains("emergency help");
    assertThat(personas.instructions(persona, SPANISH, Channel.TEXT)).contains("no diagnostiques")
        .contains("emergencia");
  }

  @Test
  void givenTheWellnessCounsellor_instructions_describeMotivationalInterviewing() {
    String en = personas.instructions(Persona.WELLNESS_COUNSELLOR, Locale.ENGLISH, Channel.TEXT);
    String es = personas.instructions(Persona.WELLNESS_COUNSELLOR, SPANISH, Channel.TEXT);

    assertThat(en).contains("motivational interviewing", "open questions", "reflect", "affirm", "summarise",
        "You do not diagnose");
    assertThat(es).contains("entrevista motivacional", "preguntas abiertas", "refleja", "reconoce", "resume",
        "No diagnosticas");
  }

  @Test
  void givenTheMentorRoles_instructions_differByRole() {
    assertThat(personas.instructions(Persona.LEARNING_MENTOR_STUDENT, Locale.ENGLISH, Channel.TEXT))
        .contains("for a student");
    assertThat(personas.instructions(Persona.LEARNING_MENTOR_TEACHER, Locale.ENGLISH, Channel.TEXT))
        .contains("for a teacher");
    assertThat(personas.instructions(Persona.LEARNING_MENTOR_FAMILY, Locale.ENGLISH, Channel.TEXT))
        .contains("student's family");
    assertThat(personas.instructions(Persona.FITNESS_COACH, Locale.ENGLISH, Channel.TEXT))
        .contains("fitness and nutrition coach").contains("tools");
  }

  @Test
  void givenAnotherLanguage_instructions_areEnglishButAskForThatLanguage() {
    assertThat(personas.instructions(Persona.FITNESS_COACH, Locale.FRENCH, Channel.TEXT))
        .contains("Always answer in French.");
  }

  @Test
  void givenAName_greeting_usesItInTheUsersLanguage() {
    assertThat(personas.greeting(Persona.FITNESS_COACH, Locale.ENGLISH, Optional.of("Ana"))).startsWith("Hi Ana! ");
    assertThat(personas.greeting(Persona.FITNESS_COACH, SPANISH, Optional.of("Ana"))).startsWith("¡Hola, Ana! ")
        .contains("¿Cómo te sientes hoy");
    assertThat(personas.greeting(Persona.WELLNESS_COUNSELLOR, SPANISH, Optional.of(" Luis ")))
        .startsWith("¡Hola, Luis! ");
  }

  @Test
  void givenNoName_greeting_isStillFriendly() {
    assertThat(personas.greeting(Persona.LEARNING_MENTOR_STUDENT, Locale.ENGLISH, Optional.empty()))
        .startsWith("Hi there! ");
    assertThat(personas.greeting(Persona.LEARNING_MENTOR_STUDENT, SPANISH, Optional.of("  ")))
        .startsWith("¡Hola! ");
  }

  @Test
  void givenLocales_coachLanguage_isSpanishOnlyForSpanish() {
    assertThat(CoachLanguage.of(Locale.forLanguageTag("es-MX"))).isEqualTo(CoachLanguage.SPANISH);
    assertThat(CoachLanguage.of(Locale.GERMAN)).isEqualTo(CoachLanguage.ENGLISH);
  }
}
