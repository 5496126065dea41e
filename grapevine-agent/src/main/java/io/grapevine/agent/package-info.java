/**
 * The {@code grapevine} command line (picocli): {@link io.grapevine.agent.GrapevineCommand} and
 * its subcommands {@code agent} (run a real node: {@link io.grapevine.agent.AgentCommand}, over
 * {@code .config}, {@code .run} and {@code .log}), {@code sim} (run a simulator scenario) and
 * {@code demo} (a 64-node simulated cluster that joins, loses a node and converges, as a short
 * report). The client commands that talk to a running agent over its HTTP API
 * ({@code members}, {@code kv}, {@code monitor}, ...) live in {@code .client}.
 */
package io.grapevine.agent;
