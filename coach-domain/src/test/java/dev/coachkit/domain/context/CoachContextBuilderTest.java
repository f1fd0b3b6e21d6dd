package dev.coachkit.domain.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.coachkit.ports.model.coaching.CoachKnowledge;
import dev.coachkit.ports.model.coaching.CoachProfile;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.testing.TestCoachDataFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoachContextBuilderTest {
  /** Set -Dcoachkit.golden.update=true to rewrite the golden files (then review the diff). */
  private static final boolean UPDATE = Boolean.getBoolean("coachkit.golden.update");
  private static final UserId ANA = UserId.of("user-ana");

  private static CoachContextBuilder builder(int budget) {
    return new CoachContextBuilder(TokenEstimator.DEFAULT, budget, ZoneOffset.UTC);
  }

  @Test
  void givenFullKnowledgeWithinBudget_build_matchesGoldenFileWithEverySection() {
    CoachContext context = builder(CoachContextBuilder.DEFAULT_TOKEN_BUDGET).build(TestKnowledgeFactory.full(ANA));

    assertGolden("context-full.txt", context.text());
    assertThat(context.included()).containsExactly(CoachContextSection.values());
    assertThat(context.dropped()).isEmpty();
    assertThat(context.estimatedTokens()).isLessThanOrEqualTo(CoachContextBuilder.DEFAULT_TOKEN_BUDGET);
  }

  @Test
  void givenFullKnowledgeOverBudget_build_dropsLowestPrioritySectionsFirstAndMatchesGoldenFile() {
    CoachContext context = builder(300).build(TestKnowledgeFactory.full(ANA));

    assertGolden("context-over-budget.txt", context.text());
    assertThat(context.estimatedTokens()).isLessThanOrEqualTo(300);
    assertThat(context.included()).startsWith(CoachContextSection.PROFILE);
    // dropped sections are always a suffix of the priority order
    List<CoachContextSection> all = List.of(CoachContextSection.values());
    assertThat(context.dropped()).isNotEmpty()
        .isEqualTo(all.subList(all.size() - context.dropped().size(), all.size()));
    assertThat(context.text()).contains("Left out to stay brief: ");
  }

  @Test
  void givenNoProfile_build_matchesGoldenFileAskingForTheBasics() {
    CoachContext context = builder(CoachContextBuilder.DEFAULT_TOKEN_BUDGET).build(TestKnowledgeFactory.empty(ANA));

    assertGolden("context-empty.txt", context.text());
  }

  @Test
  void givenTheSameKnowledge_buildTwice_givesTheSameText() {
    CoachKnowledge knowledge = TestKnowledgeFactory.full(ANA);

    assertThat(builder(400).build(knowledge)).isEqualTo(builder(400).build(knowledge));
  }

  @Test
  void givenShrinkingBudgets_build_dropsSectionsInPriorityOrder() {
    CoachKnowledge knowledge = TestKnowledgeFactory.full(ANA);
    int previousDropped = 0;
    for (int budget = 1_000; budget >= CoachContextBuilder.MIN_TOKEN_BUDGET; budget -= 25) {
      CoachContext context = builder(budget).build(knowledge);
      assertThat(context.estimatedTokens()).as("budget %d", budget).isLessThanOrEqualTo(budget);
      assertThat(context.dropped().size()).isGreaterThanOrEqualTo(previousDropped);
      previousDropped = context.dropped().size();
    }
    assertThat(previousDropped).isEqualTo(CoachContextSection.values().length - 1);
  }

  @Test
  void givenAProfileLongerThanTheBudget_build_cutsItShortWithinBudget() {
    CoachProfile base = TestCoachDataFactory.profile(ANA);
    CoachProfile longProfile = new CoachProfile(ANA, base.name(), base.birthYear(), base.sex(), base.heightCm(),
        base.weightKg(), base.fitnessLevel(), base.activityLevel(), Collections.nCopies(50, "x".repeat(200)),
        base.equipment(), base.dietaryPreferences(), base.allergies(), base.language(), base.persona(),
        base.preferredMode(), base.preferredVoice(), false, base.updatedAt());

    CoachContext context = builder(100).build(TestKnowledgeFactory.withProfile(longProfile));

    assertThat(context.estimatedTokens()).isLessThanOrEqualTo(100);
    assertThat(context.text()).startsWith("# What you know about the user").endsWith("…");
    assertThat(context.included()).containsExactly(CoachContextSection.PROFILE);
  }

  @Test
  void givenWorkoutsOlderThanAWeek_build_leavesThemOut() {
    CoachContext context = builder(CoachContextBuilder.DEFAULT_TOKEN_BUDGET).build(TestKnowledgeFactory.full(ANA));

    assertThat(context.text()).contains("Easy run").doesNotContain("Old session");
  }

  @Test
  void givenABudgetBelowTheMinimum_construct_isRejected() {
    assertThatThrownBy(() -> builder(CoachContextBuilder.MIN_TOKEN_BUDGET - 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenBudget");
  }

  private static void assertGolden(String name, String actual) {
    String resource = "/golden/" + name;
    if (UPDATE) {
      try {
        Path path = Path.of("src/test/resources/golden", name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    String expected = read(resource).orElseThrow(() -> new AssertionError("missing golden file " + resource));
    assertThat(actual).isEqualTo(expected);
  }

  private static Optional<String> read(String resource) {
    try (InputStream in = CoachContextBuilderTest.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
