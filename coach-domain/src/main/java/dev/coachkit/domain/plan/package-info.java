/** The deterministic plan engine: workout and nutrition planners and the validator every plan passes. */
package dev.coachkit.domain.plan;
