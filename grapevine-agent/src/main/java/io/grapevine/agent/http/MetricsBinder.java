package io.grapevine.agent.http;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Change;
import io.grapevine.core.wire.DropReason;
import io.grapevine.net.Cluster;
import io.grapevine.net.ClusterMetrics;
import io.grapevine.net.RuntimeDrop;
import io.grapevine.net.SharedKeyspaceStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The cluster's counters as Micrometer meters (Prometheus names in brackets):
 * members by status [{@code grapevine_members{status}}], packets and bytes in and out
 * [{@code grapevine_packets_sent_total} ...], drops by layer and reason
 * [{@code grapevine_drops_total{layer="core"|"runtime",reason}}], core failures, rumor queue,
 * Lifeguard health score, probe round trip median and p99, suspicions started, refuted and
 * confirmed [{@code grapevine_suspicions_total{outcome}}], SSE clients, and the shared
 * keyspace's entries, repairs and closed-loop ring repairs [{@code grapevine_shared_*}].
 *
 * <p>Gauges and function counters read one {@link ClusterMetrics} snapshot, taken at most every
 * {@value #SNAPSHOT_MAX_AGE_MILLIS} ms, so one scrape costs one round trip to the node's event
 * loop rather than one per series. Suspicions are counted from the events this node sees
 * ({@link #onEvent}, on the cluster's event thread), from the moment it is bound.
 * Thread-safe.
 */
final class MetricsBinder implements MeterBinder {
    static final long SNAPSHOT_MAX_AGE_MILLIS = 250;

    private final Cluster cluster;
    private final EventStream stream;
    private volatile Snapshot snapshot;
    private volatile Counter suspicionsStarted;
    private volatile Counter suspicionsRefuted;
    private volatile Counter suspicionsConfirmed;

    private record Snapshot(ClusterMetrics metrics, long takenNanos) {
    }

    MetricsBinder(Cluster cluster, EventStream stream) {
        this.cluster = cluster;
        this.stream = stream;
    }

    private ClusterMetrics current() {
        Snapshot held = snapshot;
        long now = System.nanoTime();
        if (held == null || now - held.takenNanos() > SNAPSHOT_MAX_AGE_MILLIS * 1_000_000) {
            held = new Snapshot(cluster.metrics(), now);
            snapshot = held;
        }
        return held.metrics();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindMembersAndTraffic(registry);
        bindDrops(registry);
        bindQueuesAndProbes(registry);
        Gauge.builder("grapevine.sse.clients", stream, EventStream::clients)
                .description("clients connected to /v1/events").register(registry);
        FunctionCounter.builder("grapevine.sse.clients.dropped", stream, EventStream::droppedClients)
                .description("/v1/events clients disconnected because they read too slowly").register(registry);
        bindSharedKeyspace(registry);
        suspicionsStarted = suspicions(registry, "started");
        suspicionsRefuted = suspicions(registry, "refuted");
        suspicionsConfirmed = suspicions(registry, "confirmed");
    }

    private void bindMembersAndTraffic(MeterRegistry registry) {
        for (MemberStatus status : MemberStatus.values()) {
            Gauge.builder("grapevine.members", this, b -> b.current().membersByStatus().getOrDefault(status, 0))
                    .tag("status", JsonViews.lower(status))
                    .description("members this node holds in each status").register(registry);
        }
        counter(registry, "grapevine.packets.sent", "datagrams and stream messages sent", m -> m.core().packetsSent());
        counter(registry, "grapevine.packets.received", "datagrams and stream messages received, accepted or not",
                m -> m.core().packetsReceived());
        counter(registry, "grapevine.bytes.sent", "bytes of the packets sent", m -> m.core().bytesSent());
        counter(registry, "grapevine.bytes.received", "bytes of the packets received", m -> m.core().bytesReceived());
    }

    private void bindDrops(MeterRegistry registry) {
        for (DropReason reason : DropReason.values()) {
            FunctionCounter.builder("grapevine.drops", this,
                            b -> b.current().core().drops().getOrDefault(reason.name(), 0L))
                    .tags("layer", "core", "reason", JsonViews.lower(reason))
                    .description("inputs dropped, by layer and reason").register(registry);
        }
        for (RuntimeDrop reason : RuntimeDrop.values()) {
            FunctionCounter.builder("grapevine.drops", this,
                            b -> b.current().runtimeDrops().getOrDefault(reason, 0L))
                    .tags("layer", "runtime", "reason", JsonViews.lower(reason))
                    .description("inputs dropped, by layer and reason").register(registry);
        }
        counter(registry, "grapevine.core.failures", "calls into the core that threw: each is a Grapevine bug",
                ClusterMetrics::coreFailures);
    }

    private void bindQueuesAndProbes(MeterRegistry registry) {
        counter(registry, "grapevine.rumors.dropped", "rumors evicted or refused because the queue was full",
                m -> m.core().rumorsDropped());
        gauge(registry, "grapevine.rumor.queue.length", "rumors waiting to be gossiped",
                m -> m.core().rumorQueueLength());
        gauge(registry, "grapevine.rumor.queue.peak", "the most rumors ever waiting",
                m -> m.core().maxRumorQueueLength());
        gauge(registry, "grapevine.health.score", "Lifeguard local health score (0 is healthy)",
                m -> m.core().healthScore());
        Gauge.builder("grapevine.probe.rtt.median", this, b -> b.current().core().probeRttMedianNanos() / 1e9)
                .baseUnit("seconds").description("median round trip of recent direct probes (0 if none)")
                .register(registry);
        Gauge.builder("grapevine.probe.rtt.p99", this, b -> b.current().core().probeRttP99Nanos() / 1e9)
                .baseUnit("seconds").description("99th percentile round trip of recent direct probes (0 if none)")
                .register(registry);
    }

    /** The shared keyspace's share on this node (docs/SHARED-KEYSPACE.md), read at each scrape. */
    private void bindSharedKeyspace(MeterRegistry registry) {
        Gauge.builder("grapevine.shared.entries", cluster, c -> c.sharedStats().entries())
                .description("shared-keyspace entries held here, tombstones included").register(registry);
        FunctionCounter.builder("grapevine.shared.repairs.opened", cluster, c -> c.sharedStats().repairsOpened())
                .description("Merkle repairs this node opened with a co-replica").register(registry);
        FunctionCounter.builder("grapevine.shared.entries.repaired", cluster, c -> c.sharedStats().entriesRepaired())
                .description("shared-keyspace entries that won here through Merkle repair").register(registry);
        sharedCounter(registry, "grapevine.shared.ring.repairs.started", "closed-loop ring repairs this node started",
                c -> c.ringRepairs().started());
        sharedCounter(registry, "grapevine.shared.ring.repairs.completed",
                "closed-loop ring repairs that ended here (this node held the token last)",
                c -> c.ringRepairs().completed());
        sharedCounter(registry, "grapevine.shared.ring.repairs.verified",
                "closed-loop ring repairs that ended here with every replica's root equal",
                c -> c.ringRepairs().verified());
        sharedCounter(registry, "grapevine.shared.ring.entries.repaired",
                "entries the ring repairs that ended here moved, summed over their hops",
                c -> c.ringRepairs().entriesRepaired());
    }

    private void sharedCounter(MeterRegistry registry, String name, String description,
                               ToDoubleFunction<SharedKeyspaceStats> value) {
        FunctionCounter.builder(name, cluster, c -> value.applyAsDouble(c.sharedStats())).description(description)
                .register(registry);
    }

    private static Counter suspicions(MeterRegistry registry, String outcome) {
        return Counter.builder("grapevine.suspicions").tag("outcome", outcome)
                .description("suspicions as this node saw them: started, refuted by the member, confirmed as failed")
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<ClusterMetrics> value) {
        FunctionCounter.builder(name, this, b -> value.applyAsDouble(b.current())).description(description)
                .register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<ClusterMetrics> value) {
        Gauge.builder(name, this, b -> value.applyAsDouble(b.current())).description(description).register(registry);
    }

    /** Cluster listener: counts suspicions. Before {@link #bindTo} it counts nothing. */
    void onEvent(ClusterEvent event) {
        if (!(event instanceof ClusterEvent.MemberChanged changed) || suspicionsStarted == null) {
            return;
        }
        Change change = changed.change();
        if (change == Change.SUSPECTED) {
            suspicionsStarted.increment();
        } else if (change == Change.REFUTED) {
            suspicionsRefuted.increment();
        } else if (change == Change.FAILED) {
            suspicionsConfirmed.increment();
        }
    }
}
