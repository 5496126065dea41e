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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Direct mail of one local write to 64 members: a node that knows 65 live members (itself and
 * 64 peers learned from a join state sync, as in {@link TickBenchmark}) with the default
 * {@code directMailFanout} of 64, so every local key write and every user event goes at once
 * to all 64 peers, one datagram each, besides its rumor.
 *
 * <p>One op of {@link #putMailed} is one {@code node.put("load", 16-byte value, now, out)}: the
 * write into the node's own state, the {@code KeyChanged} event, 64 direct-mail datagrams (each
 * the write's delta frame, plus whatever queued rumors fit: in steady state the previous write's
 * rumor, on the first 8 of them), and queueing this write's rumor, which supersedes the last
 * one because the key is the same. One op of {@link #fireEventMailed} is one
 * {@code node.fireEvent("deploy", 16-byte payload, now, out)}: the Lamport tick and
 * de-duplication record, local delivery, queueing the event's rumor and 64 direct-mail
 * datagrams (the first 8 of which also carry that rumor). Both ops therefore include the
 * encode of each datagram, its checksum and the per-recipient sampling; the figure to watch
 * when the mail frame is encoded once and reused for all recipients is the allocation per op
 * ({@code -prof gc}, {@code gc.alloc.rate.norm}) as well as the time.
 *
 * <p>The rumor queue does not drift: every rumor leaves the queue after
 * {@code retransmitMult · ceil(log10(66)) = 8} sends, and each op's own 64 datagrams
 * piggy-back queued rumors, so the event rumors (one new key per op) are retired by the mail
 * of the op that queued them and the put rumor by the next op's mail; between ops the queue
 * holds no rumor ({@code fireEvent}) or one (the last write's), as checked by hand over 100,000
 * ops of each with {@code Node.metrics()} (none ever dropped). What does grow is the Lamport
 * clock and the key's version, varints on the wire (a byte longer from 128 and from 16,384), so
 * the node is rebuilt before every iteration and each iteration replays the same frame sizes.
 * The join's own 65 member rumors are sent out in set-up by {@value #SETTLE_OPS} writes and
 * events, so the measured ops never carry them. Probing is pushed an hour out, as in
 * {@link TickBenchmark}, and the clock is not advanced ({@code onTick} is never called), so no
 * probe, gossip round, suspicion or anti-entropy exchange runs during the measurement.
 *
 * <p>Set-up fails unless the node has 65 live members and one put and one event each produce
 * exactly 64 datagrams and no stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 10, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class DirectMailBenchmark {
    /** Members the node knows, itself included. */
    static final int MEMBERS = 65;
    /** Direct-mail datagrams one write or event must produce: every peer. */
    static final int RECIPIENTS = MEMBERS - 1;
    /** Writes and events done in set-up so the join's member rumors are sent out first. */
    static final int SETTLE_OPS = 32;
    private static final long START_NANOS = 1_000_000_000L;
    private static final String KEY = "load";
    private static final String EVENT = "deploy";

    private final byte[] value = new byte[16];
    private final byte[] payload = new byte[16];
    private final CountingOutputs out = new CountingOutputs();
    private Node node;
    private long nowNanos;

    /** Counts what the node sends so the work cannot be optimised away. */
    static final class CountingOutputs implements Outputs {
        long datagrams;
        long streams;
        long bytes;

        @Override
        public void sendDatagram(Address to, byte[] packet) {
            datagrams++;
            bytes += packet.length;
        }

        @Override
        public void sendStream(Address to, byte[] packet) {
            streams++;
            bytes += packet.length;
        }

        @Override
        public void emit(ClusterEvent event) {
            // KeyChanged and UserEventReceived are not what is measured
        }
    }

    /** A node with 64 live peers, the join's rumors sent out, checked to mail 64 datagrams. */
    @Setup(Level.Iteration)
    public void setUp() {
        CoreConfig config = CoreConfig.defaults().withWire(p -> p.withClusterLabel(WireFixtures.LABEL))
                .withDetector(p -> p.withProbeIntervalNanos(TimeUnit.HOURS.toNanos(1))).withDetector(p -> p.withProbeTimeoutNanos(TimeUnit.SECONDS.toNanos(1)));
        if (config.gossip().directMailFanout() < RECIPIENTS) {
            throw new IllegalStateException("expected directMailFanout >= " + RECIPIENTS + ", got "
                    + config.gossip().directMailFanout());
        }
        nowNanos = START_NANOS;
        node = new Node(config, WireFixtures.node(0), new SplitMix64(7), nowNanos);
        byte[] sync = WireCodec.encodePacket(WireFixtures.LABEL, WireFixtures.node(1), List.of(peersSync()));
        node.onStream(WireFixtures.node(1).address(), sync, nowNanos, out);
        if (node.liveMemberCount() != MEMBERS) {
            throw new IllegalStateException("set-up expected " + MEMBERS + " live members, got "
                    + node.liveMemberCount());
        }
        for (int i = 0; i < SETTLE_OPS; i++) {
            node.put(KEY, value, nowNanos, out);
            node.fireEvent(EVENT, payload, nowNanos, out);
        }
        expectMail("put", () -> node.put(KEY, value, nowNanos, out));
        expectMail("fireEvent", () -> node.fireEvent(EVENT, payload, nowNanos, out));
    }

    private void expectMail(String op, Runnable action) {
        long datagrams = out.datagrams;
        long streams = out.streams;
        action.run();
        long sentDatagrams = out.datagrams - datagrams;
        long sentStreams = out.streams - streams;
        if (sentDatagrams != RECIPIENTS || sentStreams != 0) {
            throw new IllegalStateException("set-up expected one " + op + " to send " + RECIPIENTS
                    + " datagrams and no stream, got " + sentDatagrams + " datagrams and " + sentStreams + " streams");
        }
    }

    private static MemberListSync peersSync() {
        List<MemberState> peers = new ArrayList<>(WireFixtures.stateSync(MEMBERS).members());
        peers.remove(0);
        return new MemberListSync(true, false, 1, "", peers);
    }

    /** One 16-byte write of key {@code load}, mailed to 64 members. */
    @Benchmark
    public long putMailed() {
        node.put(KEY, value, nowNanos, out);
        return out.bytes;
    }

    /** One user event with a 16-byte payload, mailed to 64 members. */
    @Benchmark
    public long fireEventMailed() {
        node.fireEvent(EVENT, payload, nowNanos, out);
        return out.bytes;
    }
}
