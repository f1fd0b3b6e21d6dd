/** The reference server: wires the domain with the adapters and runs them on Quarkus. */
package dev.coachkit.server;
