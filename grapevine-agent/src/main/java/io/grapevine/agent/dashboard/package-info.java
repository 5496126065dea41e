/**
 * The agent's dashboard: one page at {@code /} that shows the cluster as the node serving it
 * sees it (members, their transitions and on whose word, every node's keys, live events, and
 * traffic charts), kept up to date through the HTTP API's Server-Sent Events.
 *
 * <p>The page is static HTML, CSS and plain JavaScript shipped in the agent's jar under
 * {@code grapevine-dashboard/}; it reads only the public JSON API ({@code /v1/members},
 * {@code /v1/kv}, {@code /v1/info}, {@code /v1/reachability}, {@code /v1/events}) like any other
 * client. Its one library, uPlot (charts), comes from its Maven Central webjar and is served
 * from {@code /webjars/}. Nothing is fetched from the internet. docs/dashboard.md describes it.
 */
package io.grapevine.agent.dashboard;
