/** Driven ports for realtime voice: the speech-to-speech model, ephemeral tokens and an avatar output. */
package dev.coachkit.ports.out.realtime;
