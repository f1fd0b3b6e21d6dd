package dev.coachkit.adapter.web.coach;

/** One exercise of a logged workout. */
record ExerciseResponse(String name, int sets, int reps, Double weightKg) {}
