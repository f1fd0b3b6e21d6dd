/** The scheduled weekly check-in. */
package dev.coachkit.server.checkin;
