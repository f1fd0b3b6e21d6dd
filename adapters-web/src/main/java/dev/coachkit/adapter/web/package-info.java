/** Driving adapter: the REST and WebSocket API of CoachKit, secured as an OIDC resource server. */
package dev.coachkit.adapter.web;
