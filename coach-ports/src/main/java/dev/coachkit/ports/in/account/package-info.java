/** Use cases over a user's whole account: export and delete all their data. */
package dev.coachkit.ports.in.account;
