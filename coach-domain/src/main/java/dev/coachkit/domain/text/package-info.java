/** Text helpers the domain's matchers share. */
package dev.coachkit.domain.text;
