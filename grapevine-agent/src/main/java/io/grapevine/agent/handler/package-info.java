/**
 * Serf-style event handlers ({@code grapevine agent --event-handler [FILTER=]SCRIPT}): shell
 * scripts run for membership and user events, with the event in environment variables and
 * the member lines or the payload on stdin.
 *
 * <p>{@link io.grapevine.agent.handler.HandlerSpec} parses one flag value;
 * {@link io.grapevine.agent.handler.EventMapping} turns a core
 * {@link io.grapevine.core.ClusterEvent} into the {@link io.grapevine.agent.handler.HandlerEvent}
 * a script sees; {@link io.grapevine.agent.handler.EventHandlers} queues events (bounded,
 * never blocking the caller) and runs the matching scripts one at a time on its own thread,
 * with a timeout, bounded output capture and counters. The contract for script authors is
 * docs/event-handlers.md.
 */
package io.grapevine.agent.handler;
