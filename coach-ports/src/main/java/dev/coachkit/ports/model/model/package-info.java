/** What crosses the language-model boundary: requests, replies, tool specifications, token usage, failures. */
package dev.coachkit.ports.model.model;
