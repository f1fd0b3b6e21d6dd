/** Browser tests of the reference web client: Playwright in Debian's Chromium against the server and the simulators. */
package dev.coachkit.server.browser;
