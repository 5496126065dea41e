/**
 * The agent's HTTP API: JSON endpoints under {@code /v1/} over a running
 * {@link io.grapevine.net.Cluster}, live cluster events as Server-Sent Events
 * ({@code /v1/events}), the agent's log ({@code /v1/monitor}) and Prometheus metrics
 * ({@code /metrics}). The agent runtime starts it
 * with {@link io.grapevine.agent.http.HttpApi#start}; docs/http-api.md is the reference.
 *
 * <p>One class per job: {@code *Routes} classes map one group of endpoints onto the cluster,
 * {@code JsonViews} shapes what they answer, {@code JsonBodies} reads what they are sent,
 * {@code ErrorMapping} turns failures into status codes, {@code OriginGuard} refuses web
 * pages' requests, {@code TokenGuard} checks the bearer token, {@code EventStream} fans
 * cluster events out to SSE clients through a bounded {@code EventBacklog}, {@code LogTap}
 * and {@code MonitorRoutes} stream the agent's log ({@code /v1/monitor}), and
 * {@code MetricsBinder} exposes the cluster's counters to Micrometer.
 */
package io.grapevine.agent.http;
