/** Identities and small values shared by every concept at the boundary. */
package dev.coachkit.ports.model.common;
