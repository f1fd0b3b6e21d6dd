/**
 * Test kit for the ports: in-memory fakes of every driven port, the abstract contract tests real adapters extend,
 * scripted model fakes, a mutable clock and fixture factories. Published in the coach-ports test-jar.
 */
package dev.coachkit.ports.testing;
