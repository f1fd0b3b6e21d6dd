/** Usage and cost: the price table, ledger entries per model response, daily budgets and rate limits. */
package dev.coachkit.domain.usage;
