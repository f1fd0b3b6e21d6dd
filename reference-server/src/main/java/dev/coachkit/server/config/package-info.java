/** Decides at startup which database and which authentication mode the server runs with. */
package dev.coachkit.server.config;
