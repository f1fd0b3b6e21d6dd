/** Voice sessions: their lifecycle state, transport, counters and the events a live call reports. */
package dev.coachkit.ports.model.voice;
