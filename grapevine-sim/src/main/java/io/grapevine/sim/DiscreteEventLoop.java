package io.grapevine.sim;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.Node;
import io.grapevine.core.Outputs;
import io.grapevine.core.base.Address;
import io.grapevine.sim.network.Network;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The heart of {@link Simulation}, a discrete-event loop: the virtual clock, the event queue and
 * the dispatch of each event to its node, with the faults applied on the way (crashed and paused
 * receivers, slow nodes, the network's loss and partitions). Virtual time jumps from one queued
 * event to the next. After every input it schedules the node's next tick at
 * {@link Node#nextDeadlineNanos()}, keeping one live tick per node; older tick events carry a
 * stale token and are skipped. Confined to the simulation's thread; unrelated to Netty's
 * event loops, which drive the real runtime.
 */
final class DiscreteEventLoop {
    /** Floor on the step between a tick and the next one, in ns, so a stuck deadline cannot spin. */
    private static final long MIN_TICK_STEP_NANOS = 1_000L;

    private final SimNode[] nodes;
    private final Map<Address, Integer> byAddress;
    private final Network network;
    private final EventQueue queue;
    private final TraceHash trace = new TraceHash();
    private final NodeOutputs outputs = new NodeOutputs();
    private final long[] drops = new long[NetworkDrop.values().length];
    private SimObserver[] observers = new SimObserver[0];
    private long nowNanos;
    private long packetsSent;
    private long bytesSent;
    private long packetsDelivered;
    private long ticks;
    private long events;

    DiscreteEventLoop(SimNode[] nodes, Map<Address, Integer> byAddress, Network network) {
        this.nodes = nodes;
        this.byAddress = byAddress;
        this.network = network;
        this.queue = new EventQueue(nodes.length * 8);
    }

    long nowNanos() {
        return nowNanos;
    }

    long traceHash() {
        return trace.value();
    }

    Outputs outputsOf(SimNode n) {
        outputs.current = n.index;
        return outputs;
    }

    void addObserver(SimObserver observer) {
        observers = Arrays.copyOf(observers, observers.length + 1);
        observers[observers.length - 1] = observer;
    }

    SimStats stats() {
        EnumMap<NetworkDrop, Long> byReason = new EnumMap<>(NetworkDrop.class);
        for (NetworkDrop reason : NetworkDrop.values()) {
            byReason.put(reason, drops[reason.ordinal()]);
        }
        return new SimStats(packetsSent, bytesSent, packetsDelivered, ticks, events, byReason);
    }

    /** Queues a tick for when a pause ends; the pending tick, if any, becomes stale. */
    void tickAfterPause(SimNode n) {
        n.cancelTick();
        n.tickPending = true;
        n.tickAtNanos = n.pausedUntilNanos;
        queue.push(n.pausedUntilNanos, EventQueue.TICK, n.index, -1, null, n.tickToken, false);
    }

    /** Queues the end of a leaving node's linger time. */
    void stopAt(SimNode n, long atNanos) {
        queue.push(atNanos, EventQueue.STOP, n.index, -1, null, (int) n.generation, false);
    }

    boolean runUntil(BooleanSupplier done, long deadlineNanos) {
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (queue.isEmpty() || queue.peekTime() > deadlineNanos) {
                nowNanos = Math.max(nowNanos, deadlineNanos);
                return false;
            }
            step();
        }
    }

    void runUntil(long timeNanos) {
        while (!queue.isEmpty() && queue.peekTime() <= timeNanos) {
            step();
        }
        nowNanos = Math.max(nowNanos, timeNanos);
    }

    private void step() {
        int slot = queue.pop();
        long at = queue.time(slot);
        int kind = queue.kind(slot);
        int to = queue.target(slot);
        int from = queue.source(slot);
        int token = queue.token(slot);
        boolean deferred = queue.deferred(slot);
        byte[] packet = queue.packet(slot);
        queue.release(slot);
        nowNanos = at;
        events++;
        SimNode n = nodes[to];
        switch (kind) {
            case EventQueue.TICK -> onTickDue(n, token);
            case EventQueue.STOP -> onLingerOver(n, token);
            case EventQueue.REFUSED -> onRefused(n, from);
            default -> onArrival(n, kind, from, packet, deferred);
        }
    }

    private void onArrival(SimNode n, int kind, int from, byte[] packet, boolean deferred) {
        if (!n.state.isUp()) {
            drops[NetworkDrop.RECEIVER_DOWN.ordinal()]++;
            if (kind == EventQueue.STREAM && n.refusesStreams) {
                long back = network.streamDelay(n.index, from);
                if (back >= 0) {
                    queue.push(nowNanos + back, EventQueue.REFUSED, from, n.index, null, 0, false);
                }
            }
            return;
        }
        if (n.pausedAt(nowNanos)) {
            if (kind == EventQueue.STREAM) {
                // A paused process's kernel still accepts the connection; the bytes wait for it.
                queue.push(n.pausedUntilNanos, kind, n.index, from, packet, 0, deferred);
            } else {
                drops[NetworkDrop.RECEIVER_PAUSED.ordinal()]++;
            }
            return;
        }
        if (n.slowDelayNanos > 0 && !deferred) {
            // CPU starvation: the inbox is drained late, in arrival order (same delay for all).
            queue.push(nowNanos + n.slowDelayNanos, kind, n.index, from, packet, 0, true);
            return;
        }
        trace.mixEvent(nowNanos, kind, n.index, from, packet);
        packetsDelivered++;
        Address source = nodes[from].address;
        if (kind == EventQueue.STREAM) {
            n.node.onStream(source, packet, nowNanos, outputsOf(n));
        } else {
            n.node.onDatagram(source, packet, nowNanos, outputsOf(n));
        }
        afterInput(n, nowNanos);
    }

    /**
     * A tick runs when due even on a slow node: its timers fire on time, but the packets waiting
     * in its inbox are not handled yet (see {@link Simulation#slowDown}).
     */
    private void onTickDue(SimNode n, int token) {
        if (token != n.tickToken || !n.state.isUp() || n.pausedAt(nowNanos)) {
            return;
        }
        n.tickPending = false;
        if (nowNanos < n.node.nextDeadlineNanos()) {
            scheduleTick(n, nowNanos);
            return;
        }
        trace.mixEvent(nowNanos, EventQueue.TICK, n.index, -1, null);
        ticks++;
        n.node.onTick(nowNanos, outputsOf(n));
        afterInput(n, nowNanos + MIN_TICK_STEP_NANOS);
    }

    /** {@code refuser} (a killed node) refused {@code n}'s stream connection. */
    private void onRefused(SimNode n, int refuser) {
        if (!n.state.isUp()) {
            return;
        }
        if (n.pausedAt(nowNanos)) {
            queue.push(n.pausedUntilNanos, EventQueue.REFUSED, n.index, refuser, null, 0, false);
            return;
        }
        trace.mixEvent(nowNanos, EventQueue.REFUSED, n.index, refuser, null);
        n.node.onStreamRefused(nodes[refuser].address, nowNanos, outputsOf(n));
        afterInput(n, nowNanos);
    }

    private void onLingerOver(SimNode n, int generation) {
        if (n.state == NodeState.LEAVING && n.generation == generation) {
            stopLeft(n);
        }
    }

    private void stopLeft(SimNode n) {
        n.state = NodeState.LEFT;
        n.cancelTick();
    }

    /**
     * After any input to {@code n}: tells observers if it emitted events, stops it if its leave
     * has spread, and schedules its next tick no earlier than {@code notBeforeNanos}.
     */
    void afterInput(SimNode n, long notBeforeNanos) {
        outputs.current = -1;
        if (outputs.emitted) {
            outputs.emitted = false;
            for (SimObserver observer : observers) {
                observer.afterEvents(n.index, nowNanos);
            }
        }
        if (n.state == NodeState.LEAVING && n.node.leaveSpread()) {
            stopLeft(n);
        } else if (n.state.isUp()) {
            scheduleTick(n, notBeforeNanos);
        }
    }

    private void scheduleTick(SimNode n, long notBeforeNanos) {
        long deadline = n.node.nextDeadlineNanos();
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        long at = Math.max(deadline, notBeforeNanos);
        if (n.tickPending && n.tickAtNanos <= at) {
            return;
        }
        n.tickToken++;
        n.tickPending = true;
        n.tickAtNanos = at;
        queue.push(at, EventQueue.TICK, n.index, -1, null, n.tickToken, false);
    }

    /** Draws egress losses; created on the first degraded node, so other runs draw exactly as before. */
    private io.grapevine.core.base.SplitMix64 egressRandom;

    void degradeEgress(int index, double lossProbability, long seed) {
        if (egressRandom == null) {
            egressRandom = new io.grapevine.core.base.SplitMix64(seed);
        }
        nodes[index].egressLoss = lossProbability;
    }

    private void send(int kind, Address to, byte[] packet) {
        int from = outputs.current;
        packetsSent++;
        bytesSent += packet.length;
        long retransmitNanos = 0;
        if (nodes[from].egressLoss > 0) {
            if (kind != EventQueue.STREAM) {
                if (egressRandom.nextDouble() < nodes[from].egressLoss) {
                    drops[NetworkDrop.LOSS.ordinal()]++;
                    return;
                }
            } else {
                // TCP gets through a lossy sender late: each lost transmission costs a retransmission
                // timeout, 200 ms doubling, and after six the connection gives up
                long rto = 200_000_000L;
                int lost = 0;
                while (egressRandom.nextDouble() < nodes[from].egressLoss) {
                    if (++lost > 6) {
                        drops[NetworkDrop.LOSS.ordinal()]++;
                        return;
                    }
                    retransmitNanos += rto;
                    rto *= 2;
                }
            }
        }
        Integer target = byAddress.get(to);
        if (target == null) {
            drops[NetworkDrop.UNKNOWN_ADDRESS.ordinal()]++;
            return;
        }
        network.account(from, target, packet.length);
        boolean stream = kind == EventQueue.STREAM;
        long delay = stream ? network.streamDelay(from, target) : network.datagramDelay(from, target);
        if (delay < 0) {
            drops[(delay == Network.LOST ? NetworkDrop.LOSS : NetworkDrop.PARTITION).ordinal()]++;
            return;
        }
        queue.push(nowNanos + delay + retransmitNanos, kind, target, from, packet, 0, false);
        if (!stream && network.duplicate()) {
            queue.push(nowNanos + network.sampleLatency(from, target), kind, target, from, packet, 0, false);
        }
    }

    /** The sink every node writes into; {@link #current} is the node whose handler runs. */
    private final class NodeOutputs implements Outputs {
        int current = -1;
        boolean emitted;

        @Override
        public void sendDatagram(Address to, byte[] packet) {
            send(EventQueue.DATAGRAM, to, packet);
        }

        @Override
        public void sendStream(Address to, byte[] packet) {
            send(EventQueue.STREAM, to, packet);
        }

        @Override
        public void sharedOpCompleted(io.grapevine.core.repair.SharedOpResult result) {
            for (SimObserver observer : observers) {
                observer.onSharedOp(current, result, nowNanos);
            }
        }

        @Override
        public void emit(ClusterEvent event) {
            emitted = true;
            for (SimObserver observer : observers) {
                observer.onEvent(current, event, nowNanos);
            }
        }
    }
}
