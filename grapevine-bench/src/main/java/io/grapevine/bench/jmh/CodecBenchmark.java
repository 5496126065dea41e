package io.grapevine.bench.jmh;

import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.Interner;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.MemberListSync;
import io.grapevine.core.wire.WireCodec;
import io.grapevine.core.wire.WireMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode cost of the two packet shapes that dominate traffic: a probe datagram with
 * four member updates piggy-backed (built the way the core's transmitter builds it: frames into
 * an MTU-bounded {@link PacketBuilder}), and a 64-member {@link MemberListSync} (join and push-pull,
 * sent over the stream). Decoding goes through an {@link Interner} as a node's does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class CodecBenchmark {
    private static final int MTU_BYTES = 1_400;
    private static final int MAX_STREAM_BYTES = 16 * 1024 * 1024;

    private byte[] header;
    private PacketBuilder builder;
    private List<WireMessage> compound;
    private MemberListSync sync;
    private byte[] compoundBytes;
    private byte[] syncBytes;
    private Interner interner;

    /** Builds the messages and their encodings once. */
    @Setup
    public void setUp() {
        header = WireCodec.header(WireFixtures.LABEL, WireFixtures.node(0));
        builder = new PacketBuilder(MTU_BYTES);
        compound = WireFixtures.compound(4);
        sync = WireFixtures.stateSync(64);
        compoundBytes = encodeCompound();
        syncBytes = encodeStateSync();
        interner = new Interner(1_024);
    }

    /** Ping plus four member updates into one MTU-bounded datagram, CRC included. */
    @Benchmark
    public byte[] encodeCompound() {
        builder.start(header);
        for (WireMessage message : compound) {
            builder.tryAdd(WireCodec.encodeFrame(message));
        }
        return builder.build();
    }

    /** The datagram above, decoded and verified. */
    @Benchmark
    public Decoded decodeCompound() {
        return WireCodec.decode(compoundBytes, 0, compoundBytes.length, WireFixtures.LABEL, 65_535, interner);
    }

    /** A 64-member state sync as one stream packet. */
    @Benchmark
    public byte[] encodeStateSync() {
        return WireCodec.encodePacket(WireFixtures.LABEL, WireFixtures.node(0), List.of(sync));
    }

    /** The state sync above, decoded and verified. */
    @Benchmark
    public Decoded decodeStateSync() {
        return WireCodec.decode(syncBytes, 0, syncBytes.length, WireFixtures.LABEL, MAX_STREAM_BYTES, interner);
    }

    /** Encoded sizes, for the report. */
    int[] sizes() {
        return new int[] {compoundBytes.length, syncBytes.length};
    }
}
