package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.in.coaching.UpsertCoachProfileCommand;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.coaching.PreferredMode;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.testing.InMemoryCoachDataStore;
import dev.coachkit.ports.testing.MutableClock;
import dev.coachkit.ports.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpsertCoachProfileServiceTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final InMemoryCoachDataStore store = new InMemoryCoachDataStore();
  private final UpsertCoachProfileService service =
      new UpsertCoachProfileService(store, clock, CoachProfileDefaults.standard());
  private final UserId user = TestIds.user();

  private UpsertCoachProfileCommand command(Optional<Integer> age, Optional<Integer> birthYear,
      List<String> equipment, Optional<Locale> language) {
    return new UpsertCoachProfileCommand(user, Optional.of(" Ana "), age, birthYear, Optional.empty(),
        Optional.of(168.0), Optional.of(64.5), Optional.empty(), Optional.empty(), List.of(), equipment, List.of(),
        List.of(), language, Optional.empty(), Optional.empty(), Optional.empty(), true);
  }

  @Test
  void givenAnAge_upsert_storesTheBirthYearFromTheClock() {
    CoachProfile profile = service.upsert(command(Optional.of(36), Optional.empty(), List.of(), Optional.empty()));

    assertThat(profile.birthYear()).contains(1990);
    assertThat(profile.name()).contains("Ana");
    assertThat(profile.updatedAt()).isEqualTo(clock.instant());
    assertThat(store.findProfile(user)).contains(profile);
  }

  @Test
  void givenABirthYear_upsert_keepsIt() {
    assertThat(service.upsert(command(Optional.empty(), Optional.of(1985), List.of(), Optional.empty())).birthYear())
        .contains(1985);
  }

  @Test
  void givenABirthYearInTheFutureOrTooLongAgo_upsert_isRejectedNamingTheField() {
    assertThatThrownBy(() -> service.upsert(command(Optional.empty(), Optional.of(2027), List.of(),
        Optional.empty()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birthYear");
    assertThatThrownBy(() -> service.upsert(command(Optional.empty(), Optional.of(1900), List.of(),
        Optional.empty()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("birthYear");
    assertThat(store.findProfile(user)).isEmpty();
  }

  @Test
  void givenNoLanguagePersonaOrMode_upsert_usesTheServerDefaults() {
    UpsertCoachProfileService spanish = new UpsertCoachProfileService(store, clock,
        new CoachProfileDefaults(Locale.forLanguageTag("es"), Persona.WELLNESS_COUNSELLOR, PreferredMode.VOICE));

    CoachProfile profile = spanish.upsert(command(Optional.empty(), Optional.empty(), List.of(), Optional.empty()));

    assertThat(profile.language()).isEqualTo(Locale.forLanguageTag("es"));
    assertThat(profile.persona()).isEqualTo(Persona.WELLNESS_COUNSELLOR);
    assertThat(profile.preferredMode()).isEqualTo(PreferredMode.VOICE);
  }

  @Test
  void givenALocaleWithoutLanguage_upsert_isRejected() {
    assertThatThrownBy(() -> service.upsert(command(Optional.empty(), Optional.empty(), List.of(),
        Optional.of(Locale.ROOT)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language");
  }

  @Test
  void givenRepeatedEntries_upsert_keepsEachOnceStripped() {
    CoachProfile profile = service.upsert(command(Optional.empty(), Optional.empty(),
        List.of(" dumbbells", "Dumbbells ", "bench"), Optional.empty()));

    assertThat(profile.equipment()).containsExactly("dumbbells", "bench");
  }
}
