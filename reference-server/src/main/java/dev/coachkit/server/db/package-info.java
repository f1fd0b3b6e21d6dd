/** The embedded PostgreSQL used when no database is configured outside the production profile. */
package dev.coachkit.server.db;
