/** Use case for giving feedback on a reply or a voice session. */
package dev.coachkit.ports.in.feedback;
