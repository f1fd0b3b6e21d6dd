/** Driven ports that every concept needs: identity generation. */
package dev.coachkit.ports.out.common;
