package io.grapevine.core.dissemination;

import io.grapevine.core.wire.TrafficCounters;

/**
 * Flow control for a node's own updates (van Renesse et al., "Efficient Reconciliation and
 * Flow Control for Anti-Entropy Protocols"): additive increase, multiplicative decrease of the
 * rate at which this node disseminates its own writes, against a per-node byte budget.
 *
 * <p>Every {@code intervalNanos} the bytes the node sent in the interval (everything: probes,
 * relayed rumors, its own updates) are compared with {@code budget × interval}: over it, the
 * rate is halved (never below 1/64 of the budget); within it, the rate grows by a tenth of
 * the budget (never above the budget). Admission is a token bucket at the current rate holding
 * at most one interval's worth. Adjustment happens lazily, when the node asks; there is no
 * timer of its own. A budget of 0 admits everything. Confined to the node's thread.
 */
public final class FlowControl {
    private final long budgetBytesPerSecond;
    private final long intervalNanos;
    private final TrafficCounters counters;
    private double rateBytesPerSecond;
    private double tokens;
    private long lastRefillNanos;
    private long intervalStartNanos;
    private long bytesAtIntervalStart;
    private boolean overBudget;
    private long decreases;
    private long deferrals;

    /** Flow control at {@code budgetBytesPerSecond} (0: off), judged every {@code intervalNanos} from {@code counters}. */
    public FlowControl(long budgetBytesPerSecond, long intervalNanos, TrafficCounters counters, long nowNanos) {
        this.budgetBytesPerSecond = budgetBytesPerSecond;
        this.intervalNanos = intervalNanos;
        this.counters = counters;
        this.rateBytesPerSecond = budgetBytesPerSecond;
        this.tokens = budgetBytesPerSecond * (intervalNanos / 1e9);
        this.lastRefillNanos = nowNanos;
        this.intervalStartNanos = nowNanos;
        this.bytesAtIntervalStart = counters.bytesSent();
    }

    /** Whether flow control is on. */
    public boolean enabled() {
        return budgetBytesPerSecond > 0;
    }

    /**
     * Whether one of this node's updates whose dissemination costs about {@code bytes} may go
     * now; if so its bytes are taken from the bucket. Always true when off.
     */
    public boolean admit(long bytes, long nowNanos) {
        if (!enabled()) {
            return true;
        }
        adjust(nowNanos);
        if (tokens >= bytes) {
            tokens -= bytes;
            return true;
        }
        deferrals++;
        return false;
    }

    /** Whether the last finished interval sent more than the budget (false when off). */
    public boolean overBudget(long nowNanos) {
        if (!enabled()) {
            return false;
        }
        adjust(nowNanos);
        return overBudget;
    }

    /** When about {@code bytes} more would be admitted at the current rate (now if already). */
    public long admissibleAtNanos(long bytes, long nowNanos) {
        if (!enabled() || tokens >= bytes) {
            return nowNanos;
        }
        double wait = (bytes - tokens) / rateBytesPerSecond;
        return nowNanos + Math.max(1_000_000L, (long) Math.min(wait * 1e9, intervalNanos));
    }

    private void adjust(long nowNanos) {
        if (nowNanos - intervalStartNanos >= intervalNanos) {
            long elapsed = nowNanos - intervalStartNanos;
            long sent = counters.bytesSent() - bytesAtIntervalStart;
            overBudget = sent > budgetBytesPerSecond * (elapsed / 1e9);
            if (overBudget) {
                rateBytesPerSecond = Math.max(budgetBytesPerSecond / 64.0, rateBytesPerSecond / 2);
                decreases++;
            } else {
                rateBytesPerSecond = Math.min(budgetBytesPerSecond, rateBytesPerSecond + budgetBytesPerSecond / 10.0);
            }
            intervalStartNanos = nowNanos;
            bytesAtIntervalStart = counters.bytesSent();
        }
        double capacity = rateBytesPerSecond * (intervalNanos / 1e9);
        tokens = Math.min(capacity, tokens + rateBytesPerSecond * ((nowNanos - lastRefillNanos) / 1e9));
        lastRefillNanos = nowNanos;
    }

    /** The rate now allowed for this node's own updates, in bytes per second (the budget when off: 0). */
    public double rateBytesPerSecond() {
        return rateBytesPerSecond;
    }

    /** Times the rate was halved. */
    public long decreases() {
        return decreases;
    }

    /** Updates that had to wait. */
    public long deferrals() {
        return deferrals;
    }
}
