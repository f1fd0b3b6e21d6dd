/** Micrometer metrics of the model calls, kept out of the domain by decorating the model port. */
package dev.coachkit.server.metrics;
