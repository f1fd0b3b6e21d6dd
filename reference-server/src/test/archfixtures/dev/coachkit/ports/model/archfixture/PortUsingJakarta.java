package dev.coachkit.ports.model.archfixture;

/** Breaks rule 1: a port type that depends on a framework. */
public record PortUsingJakarta(jakarta.inject.Provider<String> name) {}
