/** Use cases for plans: generate workout and nutrition plans, list them, fetch one. */
package dev.coachkit.ports.in.plan;
