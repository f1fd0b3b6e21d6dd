package dev.coachkit.server.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.coachkit.ports.in.coaching.WeeklyCheckInReport;
import dev.coachkit.server.checkin.WeeklyCheckInJob;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without a model provider, chat and plan generation answer 503 saying how to configure one; the rest works. */
@QuarkusTest
@TestProfile(NoModelProfile.class)
class NoModelConfiguredTest {

  @Inject
  WeeklyCheckInJob checkIns;

  @Test
  void givenNoModel_chatAndStream_answer503SayingHowToConfigureOne() {
    CoachApi user = CoachApi.newUser("nomodel");
    user.json("{\"message\":\"hello\"}").when().post("/api/coach/chat")
        .then().statusCode(503).contentType("application/problem+json")
        .body("reason", equalTo("MODEL_NOT_CONFIGURED"))
        .body("detail", containsString("COACH_OPENAI_API_KEY"));
    user.json("{\"message\":\"hello\"}").when().post("/api/coach/chat/stream")
        .then().statusCode(503).contentType("application/problem+json")
        .body("detail", containsString("COACH_OPENAI_API_KEY"));
  }

  @Test
  void givenNoModel_planGenerationFromConversation_answers503() {
    CoachApi user = CoachApi.newUser("nomodel-plan");
    user.json("{\"message\":\"I want a plan\"}").when().post("/api/coach/chat").then().statusCode(503);
    String conversation = user.as().when().get("/api/coach/conversations").then().statusCode(200)
        .extract().path("items[0].id");
    user.json("{\"conversationId\":\"" + conversation + "\"}").when().post("/api/coach/plans/workout/generate")
        .then().statusCode(503).body("detail", containsString("COACH_OPENAI_API_KEY"));
    user.json("{\"conversationId\":\"" + conversation + "\"}").when().post("/api/coach/plans/nutrition/generate")
        .then().statusCode(503).body("detail", containsString("COACH_OPENAI_API_KEY"));
  }

  @Test
  void givenNoModel_everythingElse_works() {
    CoachApi user = CoachApi.newUser("nomodel-rest");
    user.json(CoachApi.PROFILE).when().put("/api/coach/profile").then().statusCode(200);
    user.json("{\"date\":\"2026-11-20\",\"activity\":\"run\",\"durationMinutes\":30,\"perceivedExertion\":6,"
        + "\"exercises\":[{\"name\":\"squat\",\"sets\":3,\"reps\":10,\"weightKg\":40}]}")
        .when().post("/api/coach/workouts").then().statusCode(201).body("exercises[0].name", equalTo("squat"));
    user.json("{\"date\":\"2026-11-20\",\"calories\":2000,\"proteinG\":120,\"carbsG\":200,\"fatG\":70,"
        + "\"adherencePercent\":80}").when().post("/api/coach/nutrition").then().statusCode(201);
    user.json("{\"metric\":\"weight\",\"value\":61.5,\"unit\":\"kg\"}").when().post("/api/coach/progress")
        .then().statusCode(201);
    user.json("{\"description\":\"Run 10 km\",\"metric\":\"distance\",\"targetValue\":10,\"unit\":\"km\"}")
        .when().post("/api/coach/goals").then().statusCode(201).body("status", equalTo("ACTIVE"));
    user.json("{\"parameters\":{\"goal\":\"STRENGTH\",\"level\":\"BEGINNER\",\"daysPerWeek\":3,"
        + "\"sessionMinutes\":45,\"weeks\":4,\"equipment\":[\"DUMBBELL\"]}}")
        .when().post("/api/coach/plans/workout/generate").then().statusCode(201).body("version", equalTo(1));
    user.json("{\"parameters\":{\"sex\":\"FEMALE\",\"age\":34,\"heightCm\":168,\"weightKg\":62,"
        + "\"activityLevel\":\"MODERATELY_ACTIVE\",\"goal\":\"MAINTAIN_WEIGHT\",\"mealsPerDay\":3}}")
        .when().post("/api/coach/plans/nutrition/generate").then().statusCode(201).body("kind", equalTo("NUTRITION"));
    user.as().when().get("/api/coach/context").then().statusCode(200)
        .body("profile.name", equalTo("Alice")).body("activeGoals.size()", equalTo(1))
        .body("activePlans.size()", equalTo(2));
    user.as().when().get("/api/coach/plans").then().statusCode(200).body("size()", equalTo(2));
    user.as().when().get("/api/coach/usage").then().statusCode(200).body("responses", equalTo(0));
    user.as().queryParam("due", true).when().get("/api/coach/follow-ups").then().statusCode(200);
    user.as().when().get("/api/coach/me/export").then().statusCode(200).body("workouts.size()", equalTo(1));
    user.as().when().delete("/api/coach/me").then().statusCode(204);
    user.as().when().get("/api/coach/plans").then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void givenOptedInUser_weeklyCheckInRunTwice_claimsTheWeekOnce() {
    CoachApi user = CoachApi.newUser("checkin");
    user.json(CoachApi.PROFILE).when().put("/api/coach/profile").then().statusCode(200);

    WeeklyCheckInReport first = checkIns.run();
    WeeklyCheckInReport second = checkIns.run();

    assertThat(first.claimed()).isGreaterThanOrEqualTo(1);
    assertThat(first.failures()).noneMatch(f -> f.userId().value().equals(user.user));
    assertThat(second.usersConsidered()).isGreaterThanOrEqualTo(first.usersConsidered());
    assertThat(second.claimed()).isZero();
  }
}
