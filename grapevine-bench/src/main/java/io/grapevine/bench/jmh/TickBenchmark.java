package io.grapevine.bench.jmh;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.Node;
import io.grapevine.core.Outputs;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.base.Address;
import io.grapevine.core.wire.MemberState;
import io.grapevine.core.wire.MemberListSync;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One gossip round of a node that knows 65 members (itself and 64 peers learned from a join
 * state sync) with {@code events} user events queued as rumors: {@link Node#onTick} picks
 * the fewest-sent rumors, packs them into MTU-sized datagrams for the fanout, and computes
 * the checksums, so this is the tick plus the encode of what it sends.
 *
 * <p>Each op is a batch of {@value #TICKS_PER_OP} ticks, each one gossip interval after the
 * last, on a node rebuilt before every iteration. To keep the queue full for the whole batch
 * the retransmit multiplier is raised to 100 (a rumor leaves the queue after 200 sends instead
 * of 8; the per-round work does not depend on it), and probing is pushed an hour out because
 * nobody answers this node's probes: without that, its peers would be suspected and declared
 * dead mid-batch and the benchmark would measure suspicion handling instead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, batchSize = TickBenchmark.TICKS_PER_OP)
@Measurement(iterations = 20, batchSize = TickBenchmark.TICKS_PER_OP)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class TickBenchmark {
    /** Ticks per JMH op; divide the reported time by this for one tick. */
    static final int TICKS_PER_OP = 500;
    private static final long START_NANOS = 1_000_000_000L;

    /** User events queued as rumors before the batch. */
    @Param({"0", "4000"})
    public int events;

    private Node node;
    private long nowNanos;
    private long gossipIntervalNanos;
    private final CountingOutputs out = new CountingOutputs();

    /** Counts what the node sends so the work cannot be optimised away. */
    static final class CountingOutputs implements Outputs {
        long datagrams;
        long bytes;

        @Override
        public void sendDatagram(Address to, byte[] packet) {
            datagrams++;
            bytes += packet.length;
        }

        @Override
        public void sendStream(Address to, byte[] packet) {
            bytes += packet.length;
        }

        @Override
        public void emit(ClusterEvent event) {
            // events of the set-up are not part of the measurement
        }
    }

    /** A node with 64 peers and {@link #events} queued rumors. */
    @Setup(Level.Iteration)
    public void setUp() {
        CoreConfig config = CoreConfig.defaults().withWire(p -> p.withClusterLabel(WireFixtures.LABEL)).withGossip(p -> p.withRetransmitMult(100))
                .withDetector(p -> p.withProbeIntervalNanos(TimeUnit.HOURS.toNanos(1))).withDetector(p -> p.withProbeTimeoutNanos(TimeUnit.SECONDS.toNanos(1)));
        gossipIntervalNanos = config.gossip().gossipIntervalNanos();
        nowNanos = START_NANOS;
        node = new Node(config, WireFixtures.node(0), new SplitMix64(7), nowNanos);
        byte[] sync = WireCodec.encodePacket(WireFixtures.LABEL, WireFixtures.node(1),
                List.of(peersSync()));
        node.onStream(WireFixtures.node(1).address(), sync, nowNanos, out);
        byte[] payload = new byte[16];
        for (int i = 0; i < events; i++) {
            node.fireEvent("deploy-" + i, payload, nowNanos, out);
        }
        if (node.liveMemberCount() != 65) {
            throw new IllegalStateException("set-up expected 65 live members, got " + node.liveMemberCount());
        }
    }

    private static MemberListSync peersSync() {
        List<MemberState> peers = new ArrayList<>(WireFixtures.stateSync(65).members());
        peers.remove(0);
        return new MemberListSync(true, false, 1, "", peers);
    }

    /** {@value #TICKS_PER_OP} gossip rounds. */
    @Benchmark
    public long gossipRounds() {
        for (int i = 0; i < TICKS_PER_OP; i++) {
            nowNanos += gossipIntervalNanos;
            node.onTick(nowNanos, out);
        }
        return out.bytes;
    }
}
