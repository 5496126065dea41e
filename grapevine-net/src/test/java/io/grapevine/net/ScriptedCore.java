package io.grapevine.net;

import io.grapevine.core.Outputs;
import io.grapevine.core.base.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in core for runtime tests: asks to be ticked every 5 ms, records what it is fed,
 * and throws from the next tick, datagram or stream frame (or every tick) when told to, as a
 * core bug would.
 * Confined to the test's (embedded) event loop like a real core.
 */
final class ScriptedCore implements NodeInputs {
    static final long TICK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final List<byte[]> datagrams = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();
    private int ticks;
    private long nextDeadlineNanos = NodeRuntime.now();
    private boolean failNextTick;
    private boolean failNextDatagram;
    private boolean failNextFrame;
    private boolean failEveryTick;

    void failNextTick() {
        failNextTick = true;
    }

    /** From now on every tick throws before the core moves its deadline, so it stays due. */
    void failEveryTick() {
        failEveryTick = true;
    }

    void failNextDatagram() {
        failNextDatagram = true;
    }

    void failNextFrame() {
        failNextFrame = true;
    }

    int ticks() {
        return ticks;
    }

    List<byte[]> datagrams() {
        return datagrams;
    }

    List<byte[]> frames() {
        return frames;
    }

    @Override
    public void onDatagram(Address from, byte[] packet, long nowNanos, Outputs out) {
        datagrams.add(packet);
        if (failNextDatagram) {
            failNextDatagram = false;
            throw new IllegalStateException("injected datagram failure");
        }
    }

    @Override
    public void onStream(Address from, byte[] packet, long nowNanos, Outputs out) {
        frames.add(packet);
        if (failNextFrame) {
            failNextFrame = false;
            throw new IllegalStateException("injected stream failure");
        }
    }

    @Override
    public void onStreamRefused(Address to, long nowNanos, Outputs out) {
    }

    @Override
    public void onTick(long nowNanos, Outputs out) {
        ticks++;
        if (failEveryTick) {
            throw new IllegalStateException("injected persistent tick failure");
        }
        nextDeadlineNanos = nowNanos + TICK_INTERVAL_NANOS;
        if (failNextTick) {
            failNextTick = false;
            throw new IllegalStateException("injected tick failure");
        }
    }

    @Override
    public long nextDeadlineNanos() {
        return nextDeadlineNanos;
    }
}
