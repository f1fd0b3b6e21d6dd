package dev.coachkit.adapter.web.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A weekly check-in summary. */
record CheckInResponse(
    UUID id,
    LocalDate periodStart,
    LocalDate periodEnd,
    Integer adherencePercent,
    List<String> wins,
    List<String> obstacles,
    List<String> preferences,
    String mood,
    String energy,
    List<String> openQuestions,
    Instant createdAt) {}
