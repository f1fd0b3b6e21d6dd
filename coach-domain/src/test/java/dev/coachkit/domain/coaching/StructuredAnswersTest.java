package dev.coachkit.domain.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coachkit.ports.model.common.RefusalReason;
import dev.coachkit.ports.model.json.JsonObject;
import dev.coachkit.ports.model.model.FinishReason;
import dev.coachkit.ports.model.model.ModelFailure;
import dev.coachkit.ports.model.model.ModelReply;
import dev.coachkit.ports.model.model.ResponseSchema;
import dev.coachkit.ports.testing.ScriptedCoachModel;
import dev.coachkit.domain.usage.PriceTable;
import dev.coachkit.domain.usage.UsageRecorder;
import dev.coachkit.ports.model.common.UserId;
import dev.coachkit.ports.model.usage.ModelPrice;
import dev.coachkit.ports.out.common.IdGenerator;
import dev.coachkit.ports.testing.InMemoryUsageLedger;
import dev.coachkit.ports.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StructuredAnswersTest {
  private static final UserId USER = UserId.of("structured-answers-user");
  private static final ResponseSchema SCHEMA = new ResponseSchema("test", JsonObject.EMPTY);

  private final ScriptedCoachModel model = new ScriptedCoachModel();
  private final InMemoryUsageLedger ledger = new InMemoryUsageLedger();
  private final StructuredAnswers answers = new StructuredAnswers(model,
      new UsageRecorder(ledger, PriceTable.of(new ModelPrice(ScriptedCoachModel.MODEL, 1_000_000, 500_000, 2_000_000, 0, 0)),
          IdGenerator.random()),
      new MutableClock());

  private StructuredAnswers.Result ask() {
    return answers.ask(USER, Optional.empty(), "extract", "input", SCHEMA, 500);
  }

  @Test
  void givenAnyAnswer_ask_recordsItsUsageAgainstTheUser() {
    model.thenReply("not json at all");

    ask();

    assertThat(ledger.entriesOf(USER)).singleElement().satisfies(entry -> {
      assertThat(entry.userId()).isEqualTo(USER);
      assertThat(entry.tokens()).isEqualTo(ScriptedCoachModel.USAGE);
    });
  }

  @Test
  void givenTheModelFails_ask_recordsNoUsage() {
    model.thenFail(new ModelFailure(ModelFailure.Kind.UNAVAILABLE, "test", "down"));

    ask();

    assertThat(ledger.entriesOf(USER)).isEmpty();
  }

  @Test
  void givenAJsonObject_ask_returnsItAndSendsTheSchemaWithoutTools() {
    model.thenReply(" {\"a\":1} ");

    StructuredAnswers.Result result = ask();

    assertThat(((StructuredAnswers.Answered) result).answer().findNumber("a")).isPresent();
    assertThat(model.lastRequest().responseSchema()).contains(SCHEMA);
    assertThat(model.lastRequest().tools()).isEmpty();
    assertThat(model.lastRequest().maxOutputTokens()).isEqualTo(500);
  }

  @Test
  void givenTextThatIsNotAJsonObject_ask_fails() {
    model.thenReply("[1,2]").thenReply("").thenReply("{oops}");

    for (int i = 0; i < 3; i++) {
      assertThat(ask()).isInstanceOfSatisfying(StructuredAnswers.Failed.class,
          f -> assertThat(f.kind()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE));
    }
  }

  @Test
  void givenACutOffOrFilteredAnswer_ask_fails() {
    model.thenReply(new ModelReply("{\"a\":1}", List.of(), ScriptedCoachModel.USAGE, "p", "m", FinishReason.LENGTH))
        .thenReply(new ModelReply("{}", List.of(), ScriptedCoachModel.USAGE, "p", "m", FinishReason.CONTENT_FILTER));

    assertThat(((StructuredAnswers.Failed) ask()).message()).contains("cut off");
    assertThat(((StructuredAnswers.Failed) ask()).kind()).isEqualTo(RefusalReason.CONTENT_FILTERED);
  }

  @Test
  void givenModelFailures_ask_mapsThemToRefusalReasons() {
    model.thenFail(new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "none", "no provider"))
        .thenFail(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "openai", "429", Optional.of(Duration.ofSeconds(7)),
            null))
        .thenFail(new ModelFailure(ModelFailure.Kind.CONTENT_FILTERED, "openai", "filtered"));

    assertThat(((StructuredAnswers.Failed) ask()).kind()).isEqualTo(RefusalReason.MODEL_NOT_CONFIGURED);
    StructuredAnswers.Failed limited = (StructuredAnswers.Failed) ask();
    assertThat(limited.kind()).isEqualTo(RefusalReason.MODEL_UNAVAILABLE);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(((StructuredAnswers.Failed) ask()).kind()).isEqualTo(RefusalReason.CONTENT_FILTERED);
  }
}
