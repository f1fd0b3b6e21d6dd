/** The server with an identity provider: a test OIDC provider, the client configuration and bearer verification. */
package dev.coachkit.server.oidc;
