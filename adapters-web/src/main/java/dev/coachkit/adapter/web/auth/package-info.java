/** Authentication endpoints: who the caller is, and token minting for the local issuer. */
package dev.coachkit.adapter.web.auth;
