/** A user's account as a whole: exporting and deleting all of their data across every store. */
package dev.coachkit.domain.account;
