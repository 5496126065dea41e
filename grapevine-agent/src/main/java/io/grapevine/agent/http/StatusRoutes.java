package io.grapevine.agent.http;

import io.grapevine.core.NodeMetrics;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.net.Cluster;
import io.grapevine.net.ClusterHealth;
import io.grapevine.net.ClusterMetrics;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How this agent is doing: {@code GET /v1/info} (identity, addresses, version, member counts,
 * a metrics summary), {@code GET /v1/health} (200 when joined and in agreement with its peers,
 * else 503 with the reason: the readiness signal) and {@code GET /metrics} (Prometheus text).
 */
final class StatusRoutes {
    /** The Prometheus text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Cluster cluster;
    private final PrometheusMeterRegistry registry;
    private final String httpHost;
    private final String version;

    StatusRoutes(Cluster cluster, PrometheusMeterRegistry registry, String httpHost, String version) {
        this.cluster = cluster;
        this.registry = registry;
        this.httpHost = httpHost;
        this.version = version;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/v1/info", this::info);
        routes.get("/v1/health", this::health);
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
    }

    private void health(Context ctx) {
        ClusterHealth health = cluster.health();
        ctx.status(health.healthy() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(new JsonViews.HealthView(health.healthy(), health.reason(), health.liveMembers(),
                        health.disagreeing()));
    }

    private void info(Context ctx) {
        ClusterMetrics metrics = cluster.metrics();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("node", cluster.id().name());
        info.put("gossipAddress", cluster.id().address().toString());
        info.put("httpAddress", new Address(httpHost, ctx.req().getLocalPort()).toString());
        info.put("generation", cluster.id().generation());
        info.put("version", version);
        info.put("encrypted", cluster.keyring().isPresent());
        Map<String, Integer> members = new LinkedHashMap<>();
        for (MemberStatus status : MemberStatus.values()) {
            members.put(JsonViews.lower(status), metrics.membersByStatus().getOrDefault(status, 0));
        }
        info.put("members", members);
        info.put("metrics", summary(metrics));
        ctx.json(info);
    }

    private static Map<String, Object> summary(ClusterMetrics metrics) {
        NodeMetrics core = metrics.core();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("packetsSent", core.packetsSent());
        summary.put("packetsReceived", core.packetsReceived());
        summary.put("bytesSent", core.bytesSent());
        summary.put("bytesReceived", core.bytesReceived());
        summary.put("drops", metrics.totalDrops());
        summary.put("coreFailures", metrics.coreFailures());
        summary.put("rumorQueueLength", core.rumorQueueLength());
        summary.put("healthScore", core.healthScore());
        summary.put("probeRttMedianMillis", core.probeRttMedianNanos() / 1e6);
        summary.put("probeRttP99Millis", core.probeRttP99Nanos() / 1e6);
        return summary;
    }
}
