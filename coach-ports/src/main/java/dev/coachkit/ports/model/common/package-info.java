/** Identities, paging, refusals and argument checks shared by every concept at the boundary. */
package dev.coachkit.ports.model.common;
