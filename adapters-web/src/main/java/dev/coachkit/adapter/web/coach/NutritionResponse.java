package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.time.LocalDate;

/** A day's nutrition as stored. */
record NutritionResponse(
    LocalDate date,
    int calories,
    double proteinG,
    double carbsG,
    double fatG,
    int adherencePercent,
    String notes,
    Instant recordedAt) {}
