package dev.coachkit.ports.model.archfixture;

import dev.coachkit.server.archfixture.ServerWiring;

/** Breaks rule 4: a port type that knows the server. */
public record KnowsTheServer(ServerWiring wiring) {}
