package io.grapevine.agent.example;

import io.grapevine.services.blocklog.BlockLogConfig;

/**
 * Which of the block log's two dissemination paths a measured log runs: push alone (no periodic
 * pull), pull alone (fanout 0), or both. Each mode is its own {@code BlockLog} on its own channel,
 * so one cluster can measure the three side by side.
 */
enum SpreadMode {
    /** Push to the fanout on first arrival; the periodic pull and gap repair (both pulls) off. */
    PUSH,
    /** The periodic pull only; fanout 0. */
    PULL,
    /** Push and pull, the defaults. */
    BOTH;

    /** {@code base} with this mode's path(s) turned off. */
    BlockLogConfig config(BlockLogConfig base) {
        return switch (this) {
            case PUSH -> base.withPullIntervalNanos(0).withGapRepair(false);
            case PULL -> base.withFanout(0);
            case BOTH -> base;
        };
    }

    /** The channel this mode's log runs on. */
    String channel() {
        return "blocklog-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode named {@code text} (push, pull or both, any case). */
    static SpreadMode parse(String text) {
        return SpreadMode.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
