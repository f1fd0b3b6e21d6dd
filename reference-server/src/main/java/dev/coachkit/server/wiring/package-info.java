/** CDI producers that build the domain services from the adapters, and the settings they read. */
package dev.coachkit.server.wiring;
