package io.grapevine.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tiny inputs that declare huge counts or lengths: the decoder must reject them from the
 * bytes actually present, without reserving memory for what they claim (STYLE.md §5: "never
 * allocates past config-checked lengths").
 */
class WireCodecHostileLengthTest {
    private static final int TYPE_PING = 1;
    private static final int TYPE_ACK = 2;
    private static final int TYPE_PING_REQ = 4;
    private static final int TYPE_MEMBER_UPDATE = 5;
    private static final int TYPE_USER_EVENT = 6;
    private static final int TYPE_STATE_SYNC = 7;
    private static final int TYPE_STATE_SYN = 8;
    private static final int TYPE_STATE_ACK2 = 10;
    private static final int TYPE_MERKLE_HASHES = 11;
    private static final int TYPE_MERKLE_ENTRIES = 12;
    private static final int TYPE_KEY_WRITE = 13;
    private static final int TYPE_KEY_SCAN = 16;
    private static final int TYPE_KEY_READ_REPLY = 17;
    private static final long TWO_TO_31 = 1L << 31;

    /** Each crafted input and the reason it must get, in a stable order. */
    static Map<String, CraftedInput> craftedInputs() {
        Map<String, CraftedInput> inputs = new LinkedHashMap<>();
        add(inputs, "state sync of 2^31-1 members", Rejection.TRUNCATED, oneFrame(TYPE_STATE_SYNC, sync(TWO_TO_31 - 1)));
        add(inputs, "state sync of 2^31-1 members, two present", Rejection.TRUNCATED, oneFrame(TYPE_STATE_SYNC,
                sync(TWO_TO_31 - 1).node("m", "h", 1, 0).varint(0).u8(0).node("n", "h", 1, 0).varint(0).u8(0)));
        add(inputs, "state sync of one million members", Rejection.TRUNCATED, oneFrame(TYPE_STATE_SYNC, sync(1_000_000)));
        add(inputs, "state sync count just past the multiply cap", Rejection.TRUNCATED,
                oneFrame(TYPE_STATE_SYNC, sync(Integer.MAX_VALUE / 9 + 1)));
        add(inputs, "state sync of 2^31 members", Rejection.MALFORMED, oneFrame(TYPE_STATE_SYNC, sync(TWO_TO_31)));
        add(inputs, "state sync of 2^62 members", Rejection.MALFORMED, oneFrame(TYPE_STATE_SYNC, sync(1L << 62)));
        add(inputs, "frame length 2^31-1", Rejection.TRUNCATED,
                RawBytes.packetHeader("c").u8(1).u8(TYPE_ACK).varint(TWO_TO_31 - 1).i32(7));
        add(inputs, "frame length 2^31", Rejection.MALFORMED,
                RawBytes.packetHeader("c").u8(1).u8(TYPE_ACK).varint(TWO_TO_31).i32(7));
        add(inputs, "frame length Long.MAX_VALUE", Rejection.MALFORMED,
                RawBytes.packetHeader("c").u8(1).u8(TYPE_ACK).varint(Long.MAX_VALUE).i32(7));
        add(inputs, "state sync of 2^31-1 members in a frame of 2^31-1 bytes", Rejection.TRUNCATED,
                RawBytes.packetHeader("c").u8(1).u8(TYPE_STATE_SYNC).varint(TWO_TO_31 - 1).raw(sync(TWO_TO_31 - 1).toArray()));
        add(inputs, "user event payload of 2^31-1 bytes", Rejection.TRUNCATED, oneFrame(TYPE_USER_EVENT,
                new RawBytes().str8("o").varint(1).str8("n").varint(TWO_TO_31 - 1)));
        add(inputs, "user event payload of 2^31 bytes", Rejection.MALFORMED, oneFrame(TYPE_USER_EVENT,
                new RawBytes().str8("o").varint(1).str8("n").varint(TWO_TO_31)));
        add(inputs, "255 messages declared, one present", Rejection.TRUNCATED,
                RawBytes.packetHeader("c").u8(255).frame(TYPE_ACK, new RawBytes().i32(7)));
        add(inputs, "255 state syncs of 2^28 members each", Rejection.TRUNCATED, manySyncs());
        add(inputs, "label of 255 bytes, 20 present", Rejection.TRUNCATED,
                new RawBytes().u8s('G', 'V', 1, 0, 255).raw(new byte[20]));
        add(inputs, "sender name of 255 bytes, 20 present", Rejection.TRUNCATED,
                new RawBytes().u8s('G', 'V', 1, 0).str8("c").u8(255).raw(new byte[20]));
        add(inputs, "ping target of 255 bytes, 1 present", Rejection.TRUNCATED,
                oneFrame(TYPE_PING, new RawBytes().i32(1).u8s(255, 'b')));
        add(inputs, "ping-req target host of 255 bytes, 2 present", Rejection.TRUNCATED,
                oneFrame(TYPE_PING_REQ, new RawBytes().i32(1).str8("t").u8s(255, 'h', 'h')));
        add(inputs, "eleven-byte generation varint", Rejection.MALFORMED, new RawBytes().u8s('G', 'V', 1, 0).str8("c")
                .str8("a").str8("h").u16(1).u8s(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01));
        add(inputs, "incarnation 2^63", Rejection.MALFORMED, oneFrame(TYPE_MEMBER_UPDATE, new RawBytes()
                .node("m", "h", 1, 0).u8s(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).u8(0).str8("o")));
        add(inputs, "digest of 2^31-1 rows", Rejection.TRUNCATED, oneFrame(TYPE_STATE_SYN,
                new RawBytes().u8(1).varint(TWO_TO_31 - 1)));
        add(inputs, "delta of 2^31-1 parts", Rejection.TRUNCATED, oneFrame(TYPE_STATE_ACK2,
                new RawBytes().u8(0).varint(TWO_TO_31 - 1)));
        add(inputs, "delta part of 2^31-1 entries", Rejection.TRUNCATED, oneFrame(TYPE_STATE_ACK2, new RawBytes()
                .u8(0).varint(1).node("o", "h", 1, 0).u8(0).u8(0).varint(0).varint(0).varint(9).varint(TWO_TO_31 - 1)));
        add(inputs, "delta part of one million entries", Rejection.TRUNCATED, oneFrame(TYPE_STATE_ACK2, new RawBytes()
                .u8(0).varint(1).node("o", "h", 1, 0).u8(0).u8(0).varint(0).varint(0).varint(9).varint(1_000_000)));
        add(inputs, "entry value of 2^31-1 bytes", Rejection.TRUNCATED, oneFrame(TYPE_STATE_ACK2, new RawBytes()
                .u8(0).varint(1).node("o", "h", 1, 0).u8(0).u8(0).varint(0).varint(0).varint(9).varint(1)
                .str8("k").varint(1).u8(0).varint(TWO_TO_31 - 1)));
        add(inputs, "merkle hashes of 2^31-1 runs", Rejection.TRUNCATED, oneFrame(TYPE_MERKLE_HASHES,
                new RawBytes().u8(16).u8(3).varint(TWO_TO_31 - 1).varint(0).u8(0).varint(0).varint(1).i32(0).i32(0)));
        add(inputs, "merkle hashes of 2^31 runs", Rejection.MALFORMED, oneFrame(TYPE_MERKLE_HASHES,
                new RawBytes().u8(16).u8(3).varint(TWO_TO_31)));
        add(inputs, "merkle run of 2^31-1 hashes", Rejection.TRUNCATED, oneFrame(TYPE_MERKLE_HASHES,
                new RawBytes().u8(16).u8(3).varint(1).varint(0).u8(1).varint(0).varint(TWO_TO_31 - 1).i32(0).i32(0)));
        add(inputs, "merkle entries of 2^31-1 leaves", Rejection.TRUNCATED, oneFrame(TYPE_MERKLE_ENTRIES,
                new RawBytes().u8(3).varint(TWO_TO_31 - 1).varint(0).varint(0).varint(0)));
        add(inputs, "merkle entries of one million entries", Rejection.TRUNCATED, oneFrame(TYPE_MERKLE_ENTRIES,
                new RawBytes().u8(1).varint(0).varint(1_000_000)));
        add(inputs, "key write of 2^31-1 entries", Rejection.TRUNCATED, oneFrame(TYPE_KEY_WRITE,
                new RawBytes().varint(1).varint(TWO_TO_31 - 1)));
        add(inputs, "key write value of 2^31-1 bytes", Rejection.TRUNCATED, oneFrame(TYPE_KEY_WRITE,
                new RawBytes().varint(1).varint(1).str8("k").str8("w").i32(0).i32(1).u8(0).varint(TWO_TO_31 - 1)));
        add(inputs, "key scan of 2^31-1 ranges", Rejection.TRUNCATED, oneFrame(TYPE_KEY_SCAN,
                new RawBytes().varint(1).str8("").varint(TWO_TO_31 - 1)));
        add(inputs, "key read reply of 2^31-1 entries", Rejection.TRUNCATED, oneFrame(TYPE_KEY_READ_REPLY,
                new RawBytes().varint(1).u8(1).varint(TWO_TO_31 - 1)));
        add(inputs, "ring repair walk of 2^31-1 replicas", Rejection.TRUNCATED, oneFrame(18,
                new RawBytes().varint(0).varint(1).str8("o").varint(0).varint(TWO_TO_31 - 1).str8("a")));
        add(inputs, "ring repair of 2^31-1 roots", Rejection.TRUNCATED, oneFrame(18,
                new RawBytes().varint(0).varint(1).str8("o").varint(0).varint(1).str8("a").varint(TWO_TO_31 - 1)));
        add(inputs, "ring repair of 2^31-1 skipped replicas", Rejection.TRUNCATED, oneFrame(18, new RawBytes()
                .varint(0).varint(1).str8("o").varint(0).varint(1).str8("a").varint(0).varint(TWO_TO_31 - 1)));
        return inputs;
    }

    @Test
    void hugeDeclaredCountsAndLengthsAreRejectedForTheirReason() {
        craftedInputs().forEach((name, input) -> assertThat(WireCodec.decode(input.bytes(), "c", Integer.MAX_VALUE))
                .as(name)
                .isInstanceOfSatisfying(Decoded.Rejected.class, r -> assertThat(r.reason()).isEqualTo(input.reason())));
    }

    @Test
    void craftedInputsAreAllTiny() {
        craftedInputs().forEach((name, input) -> assertThat(input.bytes().length).as(name).isLessThan(4_096));
    }

    @Test
    void rejectingHugeDeclarationsAllocatesAlmostNothing() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs per-thread allocation counters");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        byte[][] inputs = craftedInputs().values().stream().map(CraftedInput::bytes).toArray(byte[][]::new);
        decodeAll(inputs); // warm up: class loading and the UTF-8 decoder

        long before = threads.getCurrentThreadAllocatedBytes();
        int rejected = decodeAll(inputs);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(rejected).isEqualTo(inputs.length);
        // a single ArrayList sized from a declared count of one million would take 4 MB
        assertThat(allocated).as("bytes allocated decoding %d crafted inputs", inputs.length)
                .isLessThan(256 * 1024);
    }

    private static int decodeAll(byte[][] inputs) {
        int rejected = 0;
        for (byte[] input : inputs) {
            if (!WireCodec.decode(input, "c", Integer.MAX_VALUE).isOk()) {
                rejected++;
            }
        }
        return rejected;
    }

    private static RawBytes sync(long count) {
        return new RawBytes().u8(0).u8(0).varint(0).u8(0).varint(count);
    }

    private static RawBytes oneFrame(int type, RawBytes body) {
        return RawBytes.packetHeader("c").u8(1).frame(type, body);
    }

    private static RawBytes manySyncs() {
        RawBytes bytes = RawBytes.packetHeader("c").u8(255);
        for (int i = 0; i < 255; i++) {
            bytes.frame(TYPE_STATE_SYNC, sync(1L << 28));
        }
        return bytes;
    }

    /** Adds {@code bytes} sealed with a valid checksum, so the parser (not the CRC) must refuse it. */
    private static void add(Map<String, CraftedInput> inputs, String name, Rejection reason, RawBytes bytes) {
        inputs.put(name, new CraftedInput(bytes.sealed(), reason));
    }

    /** A crafted byte string and the reason the decoder must give for it. */
    record CraftedInput(byte[] bytes, Rejection reason) {
    }
}
