package dev.coachkit.domain.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.domain.persona.CoachLanguage;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SafetyScreenTest {
  private final SafetyScreen screen = new SafetyScreen();

  @Test
  void givenChestPainInEnglish_assess_repliesInEnglishPointingToEmergencyHelpWithoutAPlan() {
    assertThat(screen.assess("I have chest pain when I lift", Locale.ENGLISH)).hasValueSatisfying(a -> {
      assertThat(a.flag()).isEqualTo(RedFlag.CHEST_PAIN);
      assertThat(a.language()).isEqualTo(CoachLanguage.ENGLISH);
      assertThat(a.reply()).contains("emergency number").contains("won't give you a training plan");
      assertThat(a.suggestedActions()).contains("Call emergency services");
    });
  }

  @Test
  void givenSelfHarmInSpanish_assess_repliesInSpanishWithCrisisLines() {
    assertThat(screen.assess("Quiero quitarme la vida", Locale.ENGLISH)).hasValueSatisfying(a -> {
      assertThat(a.flag()).isEqualTo(RedFlag.SELF_HARM);
      assertThat(a.language()).isEqualTo(CoachLanguage.SPANISH);
      assertThat(a.reply()).contains("112").contains("024");
    });
  }

  @Test
  void givenAnOrdinaryMessage_assess_takesNoSafetyPath() {
    assertThat(screen.assess("Hoy toca press de pecho", Locale.forLanguageTag("es"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(RedFlag.class)
  void givenAnyFlag_reply_existsInBothLanguagesAndRefusesPlans(RedFlag flag) {
    assertThat(SafetyScreen.reply(flag, CoachLanguage.ENGLISH)).containsAnyOf("won't", "I won't")
        .containsIgnoringCase("emergency");
    assertThat(SafetyScreen.reply(flag, CoachLanguage.SPANISH)).contains("No voy a").contains("112");
    assertThat(SafetyScreen.actions(flag, CoachLanguage.SPANISH)).isNotEmpty();
  }
}
