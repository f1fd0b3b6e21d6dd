/** Voice sessions: lifecycle rules, the services behind the voice use cases, and the live call orchestration. */
package dev.coachkit.domain.voice;
