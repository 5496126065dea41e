package io.grapevine.net;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.Outputs;
import io.grapevine.core.base.Address;
import io.grapevine.core.repair.SharedOpResult;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Drives one core node on one Netty event loop: feeds it the datagrams and stream frames the
 * pipeline hands over (already opened by {@link PacketOpener} when encryption is on), ticks it
 * at the deadline it asks for, runs the application operations {@link Cluster} submits, and
 * performs the sends the core writes into {@link Outputs}, sealing them when encryption is on.
 * Every method runs on the loop; the core needs no locks.
 *
 * <h2>When the core throws</h2>
 * Every call into the core crosses one boundary ({@code runCore}), named by its
 * {@link CoreStep}. Peer junk never throws there (the core's decoder is total: bad bytes are
 * dropped and counted by the core), so a {@link RuntimeException} from the core is a bug of
 * ours, and the runtime neither hides it nor lets it stop the node:
 * <ul>
 *   <li>it is counted as a core failure ({@link ClusterMetrics#coreFailures()}), never as a
 *       socket error: {@link RuntimeDrop#DATAGRAM_ERROR} and {@link RuntimeDrop#STREAM_ERROR}
 *       count only what the pipeline's {@code exceptionCaught} sees, which is now only
 *       transport errors ({@link #transportError});
 *   <li>it is logged with its stack trace, at most once per 10 s per kind of step;
 *   <li>the next tick is scheduled whatever happened (in a {@code finally}), so a throwing
 *       {@code onTick} does not stop the node ticking; after a failed tick the next one waits
 *       at least 50 ms, so a tick that always throws cannot spin the loop;
 *   <li>a datagram, stream frame, refusal or tick has nobody to tell, so the failure goes no
 *       further; an application operation's future fails with it, since the operation may
 *       not have happened.
 * </ul>
 * An {@link IllegalArgumentException} from an application operation (an oversized event
 * payload, a value over a state limit) is API misuse, the caller's mistake: it fails the
 * operation's future and is neither counted nor logged. From a network input or a tick it is
 * a core failure like any other. Read-only queries ({@code Cluster.members()}, {@code get()},
 * {@code metrics()}) do not cross the boundary: they change nothing and schedule nothing, and
 * whatever they throw reaches their caller.
 */
final class NodeRuntime implements Outputs {
    private static final long MAX_TICK_DELAY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** After a tick threw, the next one waits at least this long: a tick that always throws must not spin. */
    private static final long FAILED_TICK_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final EventLoop loop;
    private final NodeInputs core;
    private final Optional<PacketCipher> sealer;
    private final Consumer<ClusterEvent> events;
    private final RateLimitedLog log;
    private final AddressBook addresses = new AddressBook();
    /** Drops per reason (by ordinal); touched on the loop only, and counted without allocating. */
    private final long[] drops = new long[RuntimeDrop.values().length];
    private long coreFailures;
    private long tickNotBeforeNanos = Long.MIN_VALUE;
    private Channel datagrams;
    private StreamConnections streams;
    private ScheduledFuture<?> tick;
    private long tickDeadline = Long.MAX_VALUE;
    private Runnable afterInput = () -> { };
    private Consumer<SharedOpResult> sharedResults = result -> { };
    private boolean closed;

    /**
     * @param loop the event loop every call runs on
     * @param core the node's inputs ({@link NodeInputs#of} in production)
     * @param sealer seals every packet sent; empty in plaintext mode
     * @param events where the core's events go (the application's dispatcher)
     * @param log where drops, transport errors and core failures are logged, rate-limited
     */
    NodeRuntime(EventLoop loop, NodeInputs core, Optional<PacketCipher> sealer, Consumer<ClusterEvent> events,
                Logger log) {
        this.loop = loop;
        this.core = core;
        this.sealer = sealer;
        this.events = events;
        this.log = new RateLimitedLog(log, LOG_INTERVAL_NANOS);
    }

    void attach(Channel datagramChannel, StreamConnections streamConnections) {
        this.datagrams = datagramChannel;
        this.streams = streamConnections;
        reschedule();
    }

    EventLoop loop() {
        return loop;
    }

    /** Where the results of shared-keyspace operations go (the {@link Cluster}'s pending futures); on the loop. */
    void onSharedResult(Consumer<SharedOpResult> handler) {
        this.sharedResults = handler;
    }

    @Override
    public void sharedOpCompleted(SharedOpResult result) {
        sharedResults.accept(result);
    }

    /** A hook run after every successful core step (join completion checks). */
    void afterInput(Runnable hook) {
        this.afterInput = hook;
    }

    static long now() {
        return System.nanoTime();
    }

    void onDatagram(InetSocketAddress from, byte[] bytes) {
        runInput(CoreStep.DATAGRAM, () -> core.onDatagram(AddressBook.of(from), bytes, now(), this));
    }

    void streamOpened(Channel channel) {
        if (streams != null) {
            streams.remember(channel);
        }
    }

    void onStreamFrame(Channel channel, byte[] bytes) {
        runInput(CoreStep.STREAM_FRAME, () ->
                core.onStream(AddressBook.of((InetSocketAddress) channel.remoteAddress()), bytes, now(), this));
    }

    private void onStreamRefused(Address to) {
        runInput(CoreStep.STREAM_REFUSED, () -> core.onStreamRefused(to, now(), this));
    }

    private void onTick() {
        tick = null;
        tickDeadline = Long.MAX_VALUE;
        tickNotBeforeNanos = Long.MIN_VALUE;
        runInput(CoreStep.TICK, () -> {
            long now = now();
            if (core.nextDeadlineNanos() <= now) {
                core.onTick(now, this);
            }
        });
    }

    /**
     * Runs an application operation on the loop through the core boundary. The future
     * completes with its result, or fails with what it threw: API misuse
     * ({@link IllegalArgumentException}) as is, anything else after being counted and logged
     * as a core failure.
     */
    <T> CompletableFuture<T> submit(CoreStep step, Supplier<T> operation) {
        if (!step.fromApplication()) {
            throw new IllegalArgumentException(step + " is not an application operation");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(runCore(step, operation));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void runInput(CoreStep step, Runnable input) {
        if (closed) {
            return;
        }
        runCore(step, () -> {
            input.run();
            return null;
        });
    }

    /** The one boundary between the runtime and the core; see the class comment for the policy. */
    private <T> T runCore(CoreStep step, Supplier<T> call) {
        try {
            T result = call.get();
            afterInput.run();
            return result;
        } catch (RuntimeException e) {
            if (step.fromApplication() && e instanceof IllegalArgumentException) {
                throw e; // API misuse: the caller's mistake, not ours
            }
            coreFailed(step, e);
            if (step == CoreStep.TICK) {
                tickNotBeforeNanos = now() + FAILED_TICK_BACKOFF_NANOS;
            }
            if (step.fromApplication()) {
                throw e; // the operation may not have happened: its caller must know
            }
            return null; // a peer's input or a tick: nobody to tell, and the node carries on
        } finally {
            reschedule();
        }
    }

    private void coreFailed(CoreStep step, RuntimeException failure) {
        coreFailures++;
        log.warn("core failure " + step, failure,
                "the core threw on {}: a bug in Grapevine, not bad input (core failures so far: {}); "
                        + "the node carries on", step, coreFailures);
    }

    /** Core steps that threw so far: each a bug, logged with its stack trace. */
    long coreFailures() {
        return coreFailures;
    }

    private void reschedule() {
        if (closed) {
            return;
        }
        long deadline = Math.max(nextDeadline(), tickNotBeforeNanos);
        if (tick != null && deadline >= tickDeadline) {
            return;
        }
        if (tick != null) {
            tick.cancel(false);
        }
        long now = now();
        long remaining = deadline - now;
        long delay = deadline <= now ? 0 : remaining < 0 ? MAX_TICK_DELAY_NANOS // overflowed: far away
                : Math.min(remaining, MAX_TICK_DELAY_NANOS);
        tickDeadline = deadline;
        tick = loop.schedule(this::onTick, delay, TimeUnit.NANOSECONDS);
    }

    /** The core's next deadline; if asking throws (a bug), it is a core failure and we ask again soon. */
    private long nextDeadline() {
        try {
            return core.nextDeadlineNanos();
        } catch (RuntimeException e) {
            coreFailed(CoreStep.DEADLINE, e);
            return now() + MAX_TICK_DELAY_NANOS;
        }
    }

    @Override
    public void sendDatagram(Address to, byte[] packet) {
        InetSocketAddress target = addresses.resolve(to);
        if (target == null) {
            countDrop(RuntimeDrop.UNRESOLVED);
            return;
        }
        datagrams.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(seal(packet)), target));
    }

    @Override
    public void sendStream(Address to, byte[] packet) {
        InetSocketAddress target = addresses.resolve(to);
        if (target == null) {
            countDrop(RuntimeDrop.UNRESOLVED);
            return;
        }
        streams.send(target, seal(packet), () -> onStreamRefused(to));
    }

    /**
     * Sealing stays here rather than in an outbound handler: it runs inside the core's send,
     * so a failure (a bug: AES-GCM with a valid key does not fail) is a core failure, counted
     * and logged, instead of a write promise that nobody reads.
     */
    private byte[] seal(byte[] packet) {
        return sealer.isPresent() ? sealer.get().seal(packet) : packet;
    }

    @Override
    public void emit(ClusterEvent event) {
        events.accept(event);
    }

    /** Counts (and logs, rate-limited) an input dropped before it reached the core. Any thread. */
    void countDrop(RuntimeDrop reason) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> countDrop(reason));
            return;
        }
        log.warn(reason.name(), "dropped input: {} (total {})", reason, count(reason));
    }

    /**
     * Counts a socket or framing error a pipeline's {@code exceptionCaught} saw under
     * {@code reason}, and logs its cause: an I/O error or an oversized frame by its message; anything else
     * (a handler of ours threw) with its stack trace. Core failures never arrive here.
     */
    void transportError(RuntimeDrop reason, Throwable cause) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> transportError(reason, cause));
            return;
        }
        long total = count(reason);
        if (cause instanceof IOException || cause instanceof TooLongFrameException) {
            log.warn(reason.name(), "dropped input: {} (total {}): {}", reason, total, cause.toString());
        } else {
            log.warn(reason.name(), cause, "dropped input: {} (total {})", reason, total);
        }
    }

    private long count(RuntimeDrop reason) {
        return ++drops[reason.ordinal()];
    }

    /** The reasons counted so far and their counts; on the loop. */
    Map<RuntimeDrop, Long> drops() {
        Map<RuntimeDrop, Long> counted = new EnumMap<>(RuntimeDrop.class);
        for (RuntimeDrop reason : RuntimeDrop.values()) {
            if (drops[reason.ordinal()] > 0) {
                counted.put(reason, drops[reason.ordinal()]);
            }
        }
        return counted;
    }

    void close() {
        closed = true;
        if (tick != null) {
            tick.cancel(false);
        }
        if (streams != null) {
            streams.closeAll();
        }
    }
}
