/** Coach personas and languages: the persona instructions, reply length by channel, and the greeting. */
package dev.coachkit.domain.persona;
