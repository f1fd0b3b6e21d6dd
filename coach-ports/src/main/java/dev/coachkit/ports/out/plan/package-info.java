/** Driven ports for plans: where plan versions are kept. */
package dev.coachkit.ports.out.plan;
