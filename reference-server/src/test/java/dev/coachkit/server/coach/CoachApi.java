package dev.coachkit.server.coach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** A test user of the API: a fresh subject per test, its bearer token, and requests made as that user. */
final class CoachApi {

  final String user;
  final String token;

  private CoachApi(String user, String token) {
    this.user = user;
    this.token = token;
  }

  /** A new user with a unique name (tests share one database). */
  static CoachApi newUser(String prefix) {
    String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    String token = given().contentType(ContentType.JSON).body("{\"user\":\"" + user + "\"}")
        .when().post("/local/tokens")
        .then().statusCode(200).body("tokenType", equalTo("Bearer"))
        .extract().path("accessToken");
    return new CoachApi(user, token);
  }

  /** A request as this user. */
  RequestSpecification as() {
    return given().auth().oauth2(token);
  }

  /** A JSON request as this user. */
  RequestSpecification json(String body) {
    return as().contentType(ContentType.JSON).body(body);
  }

  static final String PROFILE = "{\"name\":\"Alice\",\"age\":34,\"sex\":\"FEMALE\",\"heightCm\":168,"
      + "\"weightKg\":62,\"fitnessLevel\":\"INTERMEDIATE\",\"activityLevel\":\"MODERATELY_ACTIVE\","
      + "\"injuries\":[],\"equipment\":[\"dumbbells\"],\"language\":\"en\",\"persona\":\"FITNESS_COACH\","
      + "\"weeklyCheckInOptIn\":true}";
}
