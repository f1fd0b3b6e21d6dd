/** Authentication endpoints: who the caller is, how a browser signs in, and token minting for the local issuer. */
package dev.coachkit.adapter.web.auth;
