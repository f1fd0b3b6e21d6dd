/** Driven port for the usage and cost ledger. */
package dev.coachkit.ports.out.usage;
