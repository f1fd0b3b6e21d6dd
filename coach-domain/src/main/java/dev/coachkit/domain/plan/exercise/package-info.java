/** The built-in exercise library: exercises with muscles, patterns, equipment, level and contraindications. */
package dev.coachkit.domain.plan.exercise;
