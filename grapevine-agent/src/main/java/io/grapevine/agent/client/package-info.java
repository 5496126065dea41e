/**
 * The client commands of the {@code grapevine} command line, which talk to a running agent over
 * its HTTP API (docs/http-api.md) the way Serf's {@code members}, {@code join} or
 * {@code monitor} talk to {@code serf agent}: {@code members}, {@code join}, {@code leave},
 * {@code force-leave}, {@code event}, {@code kv}, {@code keys}, {@code history},
 * {@code reachability}, {@code monitor} and {@code info}, plus {@code completion} (a bash
 * completion script) and the root command's {@code --version}.
 *
 * <p>Every command takes {@code --http-addr HOST:PORT} and {@code --http-token TOKEN}
 * ({@link io.grapevine.agent.client.ClientOptions}, given the environment through
 * {@link io.grapevine.agent.client.ClientFactory}). {@code AgentClient} makes the requests and
 * turns every failure into one {@code ClientException} line; {@code SseStream} reads the
 * agent's event and log streams; {@code Table} aligns text output. Exit codes: 0 success,
 * 1 the agent is unreachable or refused (its message is the line), 2 bad usage.
 */
package io.grapevine.agent.client;
