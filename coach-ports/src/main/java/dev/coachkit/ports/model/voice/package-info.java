/** Voice sessions: their lifecycle state, transport and counters. */
package dev.coachkit.ports.model.voice;
