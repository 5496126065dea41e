/**
 * The {@code grapevine} command line (picocli): {@link io.grapevine.agent.GrapevineCommand} and
 * its subcommands {@code sim} (run a simulator scenario) and {@code demo} (a 64-node cluster
 * that joins, loses a node and converges, as a short report).
 */
package io.grapevine.agent;
