/** A JSON value tree with a strict RFC 8259 parser and writer, for tool arguments, results and schemas. */
package dev.coachkit.ports.model.json;
