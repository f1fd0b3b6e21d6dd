package dev.coachkit.ports.model.archfixture;

/** Breaks rule 9: a port type named after a technology. */
public record HttpCoachMessage(String text) {}
