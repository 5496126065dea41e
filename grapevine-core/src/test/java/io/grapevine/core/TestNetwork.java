package io.grapevine.core;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * A minimal fixture network for core tests: fixed one-millisecond latency, optional loss and
 * crashed nodes, virtual time. (The full network model lives in grapevine-sim.)
 */
final class TestNetwork {
    static final long MS = 1_000_000L;

    private record Delivery(long at, long seq, Address to, Address from, byte[] data, boolean stream,
                            boolean refusal) {
    }

    private final PriorityQueue<Delivery> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Map<Address, Node> nodes = new HashMap<>();
    private final List<Node> order = new ArrayList<>();
    final List<ClusterEvent> events = new ArrayList<>();
    /** The same events, by the node that emitted them. */
    final Map<Address, List<ClusterEvent>> eventsByNode = new HashMap<>();
    /** Every shared-keyspace operation result, by op id. */
    final Map<Long, io.grapevine.core.repair.SharedOpResult> sharedResults = new HashMap<>();
    /** Every closed-loop ring repair that ended, in order. */
    final List<io.grapevine.core.repair.RingRepairReport> ringRepairs = new ArrayList<>();
    final SplitMix64 random;
    private final CoreConfig config;
    private final java.util.Set<Address> crashed = new java.util.HashSet<>();
    private final java.util.Set<List<Address>> blockedDatagrams = new java.util.HashSet<>();
    private final java.util.Set<List<Address>> blockedStreams = new java.util.HashSet<>();
    private final Map<List<Address>, Integer> datagramsToDrop = new HashMap<>();
    /** A running hash of every delivery (time, endpoints, bytes): the trace fingerprint. */
    long traceHash = 17;
    double loss;
    /** Whether a stream to a crashed node is refused (a killed process) rather than unanswered (a dead host). */
    boolean refuseStreamsToCrashed;
    long now;
    private long seq;

    TestNetwork(CoreConfig config, long seed) {
        this.config = config;
        this.random = new SplitMix64(seed);
    }

    /**
     * {@code n} nodes {@code n0..n(n-1)}, each joining through {@code n0}, run until every node
     * sees all {@code n} alive (at most 20 s of virtual time); throws if they do not.
     */
    static TestNetwork converged(CoreConfig config, int n, long seed) {
        return converged(config, n, seed, node -> {
        });
    }

    /** As {@link #converged(CoreConfig, int, long)}, calling {@code beforeJoin} on each node as it is added. */
    static TestNetwork converged(CoreConfig config, int n, long seed, java.util.function.Consumer<Node> beforeJoin) {
        TestNetwork net = new TestNetwork(config, seed);
        for (int i = 0; i < n; i++) {
            beforeJoin.accept(net.add("n" + i));
        }
        for (Node node : net.nodes().subList(1, n)) {
            node.join(List.of(net.nodes().get(0).self().address()), net.now, net.outputs(node.self().address()));
        }
        if (!net.runUntil(20_000 * MS, x -> x.nodes().stream().allMatch(y -> y.liveMemberCount() == n))) {
            throw new AssertionError(n + " nodes did not converge within 20 s (seed " + seed + ")");
        }
        return net;
    }

    Node add(String name) {
        Address address = new Address("10.0.0." + (order.size() + 1), 7946);
        Node node = new Node(config, new NodeId(name, address, 1), random.split(), now);
        nodes.put(address, node);
        order.add(node);
        return node;
    }

    List<Node> nodes() {
        return order;
    }

    /** Datagrams from {@code from} to {@code to} are lost (streams still pass). */
    void blockDatagrams(Node from, Node to) {
        blockedDatagrams.add(List.of(from.self().address(), to.self().address()));
    }

    /** Everything from {@code from} to {@code to} is lost, datagrams and streams: a partition, silent. */
    void cut(Node from, Node to) {
        blockDatagrams(from, to);
        blockedStreams.add(List.of(from.self().address(), to.self().address()));
    }

    /** Every cut and datagram block is lifted: the partition heals. */
    void healAll() {
        blockedDatagrams.clear();
        blockedStreams.clear();
    }

    /** The next {@code count} datagrams from {@code from} to {@code to} are lost. */
    void dropNextDatagrams(Node from, Node to, int count) {
        datagramsToDrop.put(List.of(from.self().address(), to.self().address()), count);
    }

    private boolean droppedOnce(Address from, Address to) {
        List<Address> link = List.of(from, to);
        Integer left = datagramsToDrop.get(link);
        if (left == null || left == 0) {
            return false;
        }
        datagramsToDrop.put(link, left - 1);
        return true;
    }

    void crash(Node node) {
        crashed.add(node.self().address());
    }

    Outputs outputs(Address from) {
        return new Outputs() {
            @Override
            public void sendDatagram(Address to, byte[] packet) {
                if (random.nextDouble() >= loss && !blockedDatagrams.contains(List.of(from, to))
                        && !droppedOnce(from, to)) {
                    queue.add(new Delivery(now + MS, seq++, to, from, packet, false, false));
                }
            }

            @Override
            public void sendStream(Address to, byte[] packet) {
                if (blockedStreams.contains(List.of(from, to))) {
                    return;
                }
                if (refuseStreamsToCrashed && crashed.contains(to)) {
                    // a crashed process's port answers a connection with a reset, one round trip later
                    queue.add(new Delivery(now + 2 * MS, seq++, from, to, null, true, true));
                } else {
                    queue.add(new Delivery(now + 2 * MS, seq++, to, from, packet, true, false));
                }
            }

            @Override
            public void sharedOpCompleted(io.grapevine.core.repair.SharedOpResult result) {
                sharedResults.put(result.opId(), result);
            }

            @Override
            public void ringRepairCompleted(io.grapevine.core.repair.RingRepairReport report) {
                ringRepairs.add(report);
            }

            @Override
            public void emit(ClusterEvent event) {
                events.add(event);
                eventsByNode.computeIfAbsent(from, a -> new ArrayList<>()).add(event);
            }
        };
    }

    /** Runs until {@code until} or the condition holds; returns whether it holds. */
    boolean runUntil(long untilNanos, Predicate<TestNetwork> done) {
        while (now < untilNanos) {
            if (done.test(this)) {
                return true;
            }
            long nextTick = Long.MAX_VALUE;
            Node ticking = null;
            for (Node node : order) {
                if (!crashed.contains(node.self().address()) && node.nextDeadlineNanos() < nextTick) {
                    nextTick = node.nextDeadlineNanos();
                    ticking = node;
                }
            }
            Delivery delivery = queue.peek();
            if (delivery != null && delivery.at <= nextTick) {
                queue.poll();
                now = Math.max(now, delivery.at);
                Node target = nodes.get(delivery.to);
                if (target == null || crashed.contains(delivery.to)) {
                    continue;
                }
                if (delivery.refusal) {
                    target.onStreamRefused(delivery.from, now, outputs(delivery.to));
                    continue;
                }
                traceHash = traceHash * 31 + delivery.at;
                traceHash = traceHash * 31 + delivery.to.hashCode();
                traceHash = traceHash * 31 + java.util.Arrays.hashCode(delivery.data);
                if (delivery.stream) {
                    target.onStream(delivery.from, delivery.data, now, outputs(delivery.to));
                } else {
                    target.onDatagram(delivery.from, delivery.data, now, outputs(delivery.to));
                }
            } else if (ticking != null) {
                now = Math.max(now, nextTick);
                ticking.onTick(now, outputs(ticking.self().address()));
            } else {
                break;
            }
        }
        return done.test(this);
    }
}
