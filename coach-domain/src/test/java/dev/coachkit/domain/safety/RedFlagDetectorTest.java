package dev.coachkit.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.persona.CoachLanguage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedFlagDetectorTest {
  private final RedFlagDetector detector = new RedFlagDetector();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I get chest pain when I run up the stairs|CHEST_PAIN|ENGLISH",
      "There's a tightness in my chest during squats|CHEST_PAIN|ENGLISH",
      "My chest feels tight and my left arm hurts|CHEST_PAIN|ENGLISH",
      "I fainted at the gym yesterday|FAINTING|ENGLISH",
      "I nearly passed out after my HIIT class|FAINTING|ENGLISH",
      "I make myself throw up after dinner|EATING_DISORDER|ENGLISH",
      "I've been using laxatives to drop weight|EATING_DISORDER|ENGLISH",
      "I only eat 500 calories a day|EATING_DISORDER|ENGLISH",
      "Sometimes I want to kill myself|SELF_HARM|ENGLISH",
      "I've been cutting myself again|SELF_HARM|ENGLISH",
      "I'm pregnant and want to lose 10 kg fast|PREGNANCY_EXTREME_GOAL|ENGLISH",
      "I'm 5 months pregnant, can I do a 1000 calorie diet?|PREGNANCY_EXTREME_GOAL|ENGLISH",
      "Tengo dolor en el pecho cuando corro|CHEST_PAIN|SPANISH",
      "Me duele el pecho al hacer sentadillas|CHEST_PAIN|SPANISH",
      "Siento presión en el pecho|CHEST_PAIN|SPANISH",
      "Ayer me desmayé en el gimnasio|FAINTING|SPANISH",
      "Perdí el conocimiento después de entrenar|FAINTING|SPANISH",
      "Me provoco el vómito después de comer|EATING_DISORDER|SPANISH",
      "Quiero matarme de hambre hasta el verano|EATING_DISORDER|SPANISH",
      "Solo como 600 calorías al día|EATING_DISORDER|SPANISH",
      "A veces pienso en el suicidio|SELF_HARM|SPANISH",
      "No quiero vivir más|SELF_HARM|SPANISH",
      "Estoy embarazada y quiero bajar 8 kilos en un mes|PREGNANCY_EXTREME_GOAL|SPANISH",
      "Estoy embarazada, ¿puedo hacer ayuno?|PREGNANCY_EXTREME_GOAL|SPANISH"
  })
  void givenARedFlagMessage_detect_findsTheFlagAndTheLanguage(String text, RedFlag flag, CoachLanguage language) {
    assertThat(detector.detect(text, language)).hasValueSatisfying(match -> {
      assertThat(match.flag()).isEqualTo(flag);
      assertThat(match.language()).isEqualTo(language);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Today is chest day, what should I do?",
      "How many sets of chest press should I do?",
      "Can you add a chest fly and a chest stretch?",
      "Hoy toca press de pecho y espalda",
      "¿Cuántas series de pecho hago?",
      "This workout is killing me, haha",
      "Estoy muerto después de la clase de spinning",
      "I'm pregnant and want to stay active safely",
      "Estoy embarazada y quiero seguir caminando",
      "I want a plan to lose 4 kg before summer",
      "Quiero bajar 3 kilos para el verano",
      "I eat 2200 calories a day",
      "I felt a bit dizzy standing up fast, nothing else",
      "What is a good cut for my diet?"
  })
  void givenAnOrdinaryMessage_detect_findsNothing(String text) {
    assertThat(detector.detect(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "I want to kill myself, I also have chest pain|SELF_HARM",
      "I fainted and had chest pain|CHEST_PAIN"
  })
  void givenSeveralFlags_detect_reportsTheMostUrgent(String text, RedFlag flag) {
    assertThat(detector.detect(text)).map(RedFlagMatch::flag).contains(flag);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tengo anorexia", "creo que tengo bulimia"})
  void givenWordsSharedByBothLanguages_detect_reportsThePreferredLanguage(String text) {
    assertThat(detector.detect(text, CoachLanguage.SPANISH)).map(RedFlagMatch::language)
        .contains(CoachLanguage.SPANISH);
    assertThat(detector.detect(text, CoachLanguage.ENGLISH)).map(RedFlagMatch::language)
        .contains(CoachLanguage.ENGLISH);
  }
}
