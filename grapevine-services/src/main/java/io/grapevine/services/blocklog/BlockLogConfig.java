package io.grapevine.services.blocklog;

/**
 * How a {@link BlockLog} spreads, pulls, buffers and produces blocks; immutable and validated: the
 * canonical constructor names the offending option and its value. Durations are nanoseconds.
 * Fabric's gossip defaults are used where Fabric has the same knob.
 *
 * @param fanout how many random live peers a block is pushed to the first time it is accepted
 *     (and by its producer), at least 0; 0 turns push off. Default 3 (Fabric's
 *     {@code propagatePeerNum}). Infect-and-die push with fanout f reaches about {@code 1 - e^-f}
 *     of the members (95% for 3), so push alone leaves a few nodes out; pull repairs them.
 * @param pullIntervalNanos how often a node starts a pull round, at least 0; 0 turns the periodic
 *     pull off (a new leader's takeover still pulls). Default 4 s (Fabric's {@code pullInterval}).
 * @param pullPeers how many random live peers a pull round asks, at least 1. Default 3 (Fabric's
 *     {@code pullPeerNum}).
 * @param maxBlocksPerMessage most blocks one pull response carries (and one request asks for),
 *     1..1000. Default 10 (Fabric's state anti-entropy batch size, {@code defAntiEntropyBatchSize}). Bounds a
 *     response at about {@code maxBlocksPerMessage * (payload + 400)} bytes.
 * @param bufferBlocks how far ahead of its chain a node buffers a block that arrived before its
 *     predecessors, 1..100,000. Default 100 (Fabric's state provider drops a block further than
 *     {@code defMaxBlockDistance} = 100 ahead of its ledger). At most this many blocks wait;
 *     further ones are dropped and pulled later.
 * @param retainBlocks how many of the latest blocks a node keeps to verify duplicates and serve
 *     pulls, 1..1,000,000. Default 1,000. A node further behind than this cannot catch up by pull.
 * @param produceIntervalNanos how often the leader produces a block on its own, at least 0; 0
 *     means only when the application calls {@link BlockLog#produce}. Default 0.
 * @param takeoverNanos how long a new leader collects digests from every live peer (and pulls
 *     what they have beyond its chain) before it produces, positive. Default 1 s. Longer is safer
 *     on slow networks; it is the gap in production after a leader change, on top of failure detection.
 * @param gapRepair whether a pushed block that arrives ahead of a gap makes the node request the
 *     missing blocks from that block's sender at once (which holds them: it verified the chain up
 *     to the block it pushed), at most once per {@code BlockLog.GAP_REPAIR_BACKOFF_NANOS}. Default
 *     true. Without it, a node that missed one push stops appending, and so forwarding, every
 *     later block until its next pull round; it is a pull, so a push-only log turns it off.
 */
public record BlockLogConfig(
        int fanout,
        long pullIntervalNanos,
        int pullPeers,
        int maxBlocksPerMessage,
        int bufferBlocks,
        int retainBlocks,
        long produceIntervalNanos,
        long takeoverNanos,
        boolean gapRepair) {

    private static final long SECOND = 1_000_000_000L;

    /** Validates every option; the message names the option and its value. */
    public BlockLogConfig {
        range("fanout", fanout, 0, 1000);
        if (pullIntervalNanos < 0) {
            throw new IllegalArgumentException("pullIntervalNanos must be >= 0: " + pullIntervalNanos);
        }
        range("pullPeers", pullPeers, 1, 1000);
        range("maxBlocksPerMessage", maxBlocksPerMessage, 1, 1000);
        range("bufferBlocks", bufferBlocks, 1, 100_000);
        range("retainBlocks", retainBlocks, 1, 1_000_000);
        if (produceIntervalNanos < 0) {
            throw new IllegalArgumentException("produceIntervalNanos must be >= 0: " + produceIntervalNanos);
        }
        if (takeoverNanos <= 0) {
            throw new IllegalArgumentException("takeoverNanos must be > 0: " + takeoverNanos);
        }
    }

    private static void range(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in " + min + ".." + max + ": " + value);
        }
    }

    /**
     * Fanout 3, pull every 4 s from 3 peers, 10 blocks a message, buffer 100, retain 1,000, produce
     * on demand, takeover 1 s, gap repair on.
     */
    public static BlockLogConfig defaults() {
        return new BlockLogConfig(3, 4 * SECOND, 3, 10, 100, 1000, 0, SECOND, true);
    }

    /** A copy with {@link #gapRepair()} set. */
    public BlockLogConfig withGapRepair(boolean value) {
        return new BlockLogConfig(fanout, pullIntervalNanos, pullPeers, maxBlocksPerMessage, bufferBlocks, retainBlocks,
                produceIntervalNanos, takeoverNanos, value);
    }

    /** A copy with {@link #fanout()} set. */
    public BlockLogConfig withFanout(int value) {
        return new BlockLogConfig(value, pullIntervalNanos, pullPeers, maxBlocksPerMessage, bufferBlocks, retainBlocks,
                produceIntervalNanos, takeoverNanos, gapRepair);
    }

    /** A copy with {@link #pullIntervalNanos()} set. */
    public BlockLogConfig withPullIntervalNanos(long value) {
        return new BlockLogConfig(fanout, value, pullPeers, maxBlocksPerMessage, bufferBlocks, retainBlocks,
                produceIntervalNanos, takeoverNanos, gapRepair);
    }

    /** A copy with {@link #pullPeers()} set. */
    public BlockLogConfig withPullPeers(int value) {
        return new BlockLogConfig(fanout, pullIntervalNanos, value, maxBlocksPerMessage, bufferBlocks, retainBlocks,
                produceIntervalNanos, takeoverNanos, gapRepair);
    }

    /** A copy with {@link #maxBlocksPerMessage()} set. */
    public BlockLogConfig withMaxBlocksPerMessage(int value) {
        return new BlockLogConfig(fanout, pullIntervalNanos, pullPeers, value, bufferBlocks, retainBlocks,
                produceIntervalNanos, takeoverNanos, gapRepair);
    }

    /** A copy with {@link #bufferBlocks()} set. */
    public BlockLogConfig withBufferBlocks(int value) {
        return new BlockLogConfig(fanout, pullIntervalNanos, pullPeers, maxBlocksPerMessage, value, retainBlocks,
                produceIntervalNanos, takeoverNanos, gapRepair);
    }

    /** A copy with {@link #retainBlocks()} set. */
    public BlockLogConfig withRetainBlocks(int value) {
        return new BlockLogConfig(fanout, pullIntervalNanos, pullPeers, maxBlocksPerMessage, bufferBlocks, value,
                produceIntervalNanos, takeoverNanos, gapRepair);
    }

    /** A copy with {@link #produceIntervalNanos()} set. */
    public BlockLogConfig withProduceIntervalNanos(long value) {
        return new BlockLogConfig(fanout, pullIntervalNanos, pullPeers, maxBlocksPerMessage, bufferBlocks, retainBlocks,
                value, takeoverNanos, gapRepair);
    }

    /** A copy with {@link #takeoverNanos()} set. */
    public BlockLogConfig withTakeoverNanos(long value) {
        return new BlockLogConfig(fanout, pullIntervalNanos, pullPeers, maxBlocksPerMessage, bufferBlocks, retainBlocks,
                produceIntervalNanos, value, gapRepair);
    }
}
