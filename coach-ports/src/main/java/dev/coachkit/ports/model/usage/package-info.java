/** Usage and cost: one ledger entry per model response, summaries, and the price table's rows. */
package dev.coachkit.ports.model.usage;
