/** Workout and nutrition plans, the parameters they are generated from, and their versions. */
package dev.coachkit.ports.model.plan;
