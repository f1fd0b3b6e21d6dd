/** RFC 9457 problem details: the error body of every endpoint, and the exception mappers that produce it. */
package dev.coachkit.adapter.web.problem;
