/**
 * Authentication set-up: the local issuer (an RSA key pair beside the data and token minting for local users) and
 * the verified-token cache in front of quarkus-oidc's bearer-token verification (ADR 0021).
 */
package dev.coachkit.server.auth;
