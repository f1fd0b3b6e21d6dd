/** The local issuer: an RSA key pair beside the data and token minting for local users. */
package dev.coachkit.server.auth;
