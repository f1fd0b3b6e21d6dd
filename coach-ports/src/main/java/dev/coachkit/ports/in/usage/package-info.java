/** Use case for reading a user's usage and cost. */
package dev.coachkit.ports.in.usage;
