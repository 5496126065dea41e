/**
 * {@code grapevine demo}: a small cluster of real {@code grapevine agent} processes on loopback,
 * started, probed and narrated by the demo process. {@link io.grapevine.agent.demo.DemoCommand}
 * is the command; {@link io.grapevine.agent.demo.AgentLauncher} says how a child agent is started
 * (java, class path, lean JVM flags); {@code ChildAgent} and {@code ChildProcesses} own the child
 * processes (none outlives the demo); {@code AgentApi} and {@code EventFeed} talk to each agent's
 * HTTP API ({@code /v1/health}, {@code /v1/kv}, {@code /v1/event}, the SSE stream
 * {@code /v1/events}); {@code Story} is the sequence told in the terminal.
 *
 * <p>The demo is a driver, not core code: it holds a monotonic clock (a {@code LongSupplier} of
 * nanos) and threads (one stdout reader per child, one SSE reader per agent). Every wait is
 * bounded by a deadline and ends with a {@code DemoFailure} naming the step that did not happen.
 */
package io.grapevine.agent.demo;
