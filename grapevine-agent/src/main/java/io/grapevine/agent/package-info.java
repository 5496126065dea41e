/**
 * The {@code grapevine} command line (picocli): {@link io.grapevine.agent.GrapevineCommand} and
 * its subcommands {@code agent} (run a real node: {@link io.grapevine.agent.AgentCommand}, over
 * {@code .config}, {@code .run} and {@code .log}), {@code demo} (real agents on loopback, narrated:
 * {@code .demo}) and {@code sim} (run a simulator scenario; {@code sim demo} is a 64-node
 * simulated cluster that joins, loses a node and converges, as a short report). The client
 * commands that talk to a running agent over its HTTP API ({@code members}, {@code kv},
 * {@code monitor}, ...) live in {@code .client}.
 */
package io.grapevine.agent;
