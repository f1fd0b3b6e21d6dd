/** Safety: red-flag detection in English and Spanish and the careful replies that replace coaching. */
package dev.coachkit.domain.safety;
