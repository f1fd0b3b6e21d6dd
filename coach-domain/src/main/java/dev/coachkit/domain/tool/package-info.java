/** The coach's tools: JSON schemas, argument checking, and execution for the authenticated user only. */
package dev.coachkit.domain.tool;
