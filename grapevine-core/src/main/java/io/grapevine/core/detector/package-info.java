/**
 * Failure detection: the randomized round-robin probe schedule, probe rounds, relays, suspicions with Lifeguard timeouts, and local health.
 */
package io.grapevine.core.detector;
