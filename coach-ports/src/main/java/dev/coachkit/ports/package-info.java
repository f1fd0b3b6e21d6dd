/** The boundary vocabulary of CoachKit. */
package dev.coachkit.ports;
