package dev.coachkit.domain.conversation;

import dev.coachkit.domain.persona.CoachLanguage;
import dev.coachkit.domain.text.Accents;
import dev.coachkit.domain.tool.CoachTools;
import dev.coachkit.ports.model.coaching.Persona;
import dev.coachkit.ports.model.conversation.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Works out, after a turn, whether the user still needs a workout or nutrition plan and which actions to suggest.
 *
 * <p>A plan is needed when the user's message asks for one (keywords in English or Spanish, such as "workout
 * plan", "rutina", "meal plan", "dieta") or the coach tried to create one and the tool failed, unless a plan of
 * that kind was created in this turn. Suggested actions (at most three, in the user's language): view a plan
 * just created; create a plan still needed; see follow-ups when one was scheduled; complete the profile when
 * there is none; otherwise one everyday action for the persona. Deterministic, so a replayed turn gets the same.
 */
final class TurnInsights {
  private static final Pattern WORKOUT_INTENT = Pattern.compile(
      "\\b(workout|training|exercise|gym|strength|lifting) (plan|program|programme|routine|schedule)\\b"
          + "|\\broutine\\b|\\bplan (my|a|some) (workouts?|training)\\b"
          + "|\\bplan de (entrenamiento|ejercicio|ejercicios|gimnasio)\\b|\\brutina\\b"
          + "|\\bprograma de (entrenamiento|ejercicio)\\b");
  private static final Pattern NUTRITION_INTENT = Pattern.compile(
      "\\b(meal|nutrition|diet|eating|food) (plan|program|programme)\\b|\\bwhat should i eat\\b|\\bmacros\\b"
          + "|\\bcalorie (target|goal)s?\\b|\\bplan de (alimentacion|comidas|nutricion)\\b|\\bplan nutricional\\b"
          + "|\\bdieta\\b|\\bque (debo|deberia) comer\\b|\\bmacronutrientes\\b");

  record Insights(List<String> suggestedActions, boolean requiresWorkoutPlan, boolean requiresNutritionPlan) {}

  private TurnInsights() {}

  static Insights of(String userText, CoachLanguage language, Persona persona, boolean hasProfile,
      List<ToolResult> results) {
    String text = normalize(userText);
    boolean workoutCreated = succeeded(results, CoachTools.CREATE_WORKOUT_PLAN);
    boolean nutritionCreated = succeeded(results, CoachTools.CREATE_NUTRITION_PLAN);
    boolean requiresWorkout = !workoutCreated
        && (WORKOUT_INTENT.matcher(text).find() || failed(results, CoachTools.CREATE_WORKOUT_PLAN));
    boolean requiresNutrition = !nutritionCreated
        && (NUTRITION_INTENT.matcher(text).find() || failed(results, CoachTools.CREATE_NUTRITION_PLAN));
    boolean es = language == CoachLanguage.SPANISH;
    List<String> actions = new ArrayList<>();
    if (workoutCreated) {
      actions.add(es ? "Ver mi plan de entrenamiento" : "View my workout plan");
    }
    if (nutritionCreated) {
      actions.add(es ? "Ver mi plan de nutrición" : "View my nutrition plan");
    }
    if (requiresWorkout) {
      actions.add(es ? "Crear mi plan de entrenamiento" : "Create my workout plan");
    }
    if (requiresNutrition) {
      actions.add(es ? "Crear mi plan de nutrición" : "Create my nutrition plan");
    }
    if (succeeded(results, CoachTools.SCHEDULE_FOLLOW_UP)) {
      actions.add(es ? "Ver mis seguimientos" : "See my follow-ups");
    }
    if (!hasProfile) {
      actions.add(es ? "Completar mi perfil" : "Complete my profile");
    }
    if (actions.isEmpty()) {
      actions.add(everyday(persona, es));
    }
    return new Insights(List.copyOf(actions.subList(0, Math.min(3, actions.size()))), requiresWorkout,
        requiresNutrition);
  }

  private static String everyday(Persona persona, boolean es) {
    switch (persona) {
      case FITNESS_COACH:
        return es ? "Registrar el entrenamiento de hoy" : "Log today's workout";
      case WELLNESS_COUNSELLOR:
        return es ? "Programar un próximo encuentro" : "Schedule a check-in";
      default:
        return es ? "Planificar la próxima sesión" : "Plan the next session";
    }
  }

  private static boolean succeeded(List<ToolResult> results, String tool) {
    return results.stream().anyMatch(r -> r.name().equals(tool) && !r.error());
  }

  private static boolean failed(List<ToolResult> results, String tool) {
    return results.stream().anyMatch(r -> r.name().equals(tool) && r.error());
  }

  private static String normalize(String text) {
    return Accents.strip(text).toLowerCase(Locale.ROOT);
  }
}
