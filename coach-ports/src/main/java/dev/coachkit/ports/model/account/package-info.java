/** A user's account as a whole: the export of all their data. */
package dev.coachkit.ports.model.account;
