package io.grapevine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * What the runtime does when the core throws: a core failure, counted apart from socket
 * errors, logged with its stack, and the node keeps ticking. The runtime runs on an
 * {@link EmbeddedChannel}'s loop over a {@link ScriptedCore}; ticks are real-time scheduled
 * tasks, run by polling with a deadline.
 */
class NodeRuntimeCoreFailureTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 7001);
    private static final InetSocketAddress SELF = new InetSocketAddress("127.0.0.1", 7000);

    private final ScriptedCore core = new ScriptedCore();
    private final RecordingLogger log = new RecordingLogger();
    private final EmbeddedChannel datagrams = new EmbeddedChannel();
    private final NodeRuntime runtime = new NodeRuntime(datagrams.eventLoop(), core, Optional.empty(), e -> { },
            log);

    private void start() {
        datagrams.pipeline().addLast(new DatagramInbound(runtime));
        StreamPipeline streams = new StreamPipeline(runtime, 1 << 16, Optional.empty());
        runtime.attach(datagrams, new StreamConnections(datagrams.eventLoop(), streams, 4, runtime::countDrop));
    }

    private static DatagramPacket datagram(byte[] bytes) {
        return new DatagramPacket(Unpooled.wrappedBuffer(bytes), SELF, PEER);
    }

    /** Runs the loop's due tasks until the core has ticked {@code ticks} times in all. */
    private void awaitTicks(int ticks) {
        await().pollInSameThread().pollInterval(Duration.ofMillis(5)).atMost(DEADLINE).until(() -> {
            datagrams.runPendingTasks();
            datagrams.runScheduledPendingTasks();
            return core.ticks() >= ticks;
        });
    }

    private List<RecordingLogger.Entry> loggedWithCause() {
        return log.entries().stream().filter(e -> e.cause() != null).toList();
    }

    /** Bytes that pass the runtime's glance (the packet magic, long enough) and so reach the core. */
    private static byte[] plausiblePacket(int marker) {
        byte[] bytes = new byte[32];
        bytes[0] = 'G';
        bytes[1] = 'V';
        bytes[31] = (byte) marker;
        return bytes;
    }

    @Test
    void junkIsDroppedAtAGlanceWithoutReachingTheCore() {
        start();

        datagrams.writeInbound(datagram(new byte[] {1, 2, 3}));
        datagrams.writeInbound(datagram(new byte[0]));
        datagrams.checkException();

        assertThat(core.datagrams()).isEmpty();
        assertThat(runtime.drops()).containsOnly(java.util.Map.entry(RuntimeDrop.NOT_A_PACKET, 2L));
    }

    private static String stackOf(Throwable cause) {
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @Test
    void aThrowingDatagramStepIsACoreFailureLoggedWithItsStackNotADatagramError() {
        start();
        core.failNextDatagram();

        datagrams.writeInbound(datagram(plausiblePacket(1)));
        datagrams.checkException(); // nothing escaped into the pipeline

        assertThat(runtime.coreFailures()).isEqualTo(1);
        assertThat(runtime.drops()).doesNotContainKey(RuntimeDrop.DATAGRAM_ERROR).isEmpty();
        assertThat(loggedWithCause()).singleElement().satisfies(entry -> {
            assertThat(entry.level()).isEqualTo(Level.WARN);
            assertThat(entry.message()).contains("DATAGRAM").contains("bug");
            assertThat(entry.cause()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("injected datagram failure");
            assertThat(stackOf(entry.cause())).contains("ScriptedCore.onDatagram", "NodeRuntime.runCore");
        });

        datagrams.writeInbound(datagram(plausiblePacket(4)));
        assertThat(core.datagrams()).hasSize(2);
        assertThat(runtime.coreFailures()).as("the next datagram is handled normally").isEqualTo(1);
    }

    @Test
    void aThrowingTickIsACoreFailureAndTheNodeKeepsTicking() {
        core.failNextTick();
        start(); // the first tick is due at once, and throws

        awaitTicks(4);

        assertThat(runtime.coreFailures()).isEqualTo(1);
        assertThat(runtime.drops()).isEmpty();
        assertThat(loggedWithCause()).singleElement().satisfies(entry -> {
            assertThat(entry.message()).contains("TICK");
            assertThat(entry.cause()).hasMessage("injected tick failure");
            assertThat(stackOf(entry.cause())).contains("ScriptedCore.onTick");
        });
    }

    @Test
    void aTickThatAlwaysThrowsKeepsBeingRetriedWithoutSpinning() {
        core.failEveryTick();
        long started = System.nanoTime();
        start();

        awaitTicks(4);

        // each failed tick holds the next back by at least 50 ms, although the deadline stays due
        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(runtime.coreFailures()).isGreaterThanOrEqualTo(4);
        assertThat(loggedWithCause()).as("rate-limited: one log per 10 s for the same step").hasSize(1);
    }

    @Test
    void aSocketErrorIsStillADatagramErrorAndNotACoreFailure() {
        start();

        datagrams.pipeline().fireExceptionCaught(new PortUnreachableException("ICMP port unreachable"));

        assertThat(runtime.drops()).containsEntry(RuntimeDrop.DATAGRAM_ERROR, 1L);
        assertThat(runtime.coreFailures()).isZero();
        assertThat(log.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.message()).contains("DATAGRAM_ERROR").contains("ICMP port unreachable");
            assertThat(entry.cause()).as("an expected socket error is logged without a stack").isNull();
        });
    }

    @Test
    void applicationMisuseFailsTheCallerOnlyWhileACoreBugIsAlsoCountedAndLogged() {
        start();

        CompletableFuture<Object> misuse = runtime.submit(CoreStep.BROADCAST, () -> {
            throw new IllegalArgumentException("payload is 10000 bytes, over maxEventPayloadBytes");
        });
        CompletableFuture<Object> bug = runtime.submit(CoreStep.PUT, () -> {
            throw new IllegalStateException("injected put failure");
        });
        CompletableFuture<String> fine = runtime.submit(CoreStep.DELETE, () -> "done");
        datagrams.runPendingTasks();

        assertThat(misuse).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(IllegalArgumentException.class).withMessageContaining("maxEventPayloadBytes");
        assertThat(bug).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(IllegalStateException.class).withMessage("injected put failure");
        assertThat(fine).isCompletedWithValue("done");
        assertThat(runtime.coreFailures()).as("only the bug is a core failure").isEqualTo(1);
        assertThat(loggedWithCause()).singleElement()
                .satisfies(entry -> assertThat(entry.message()).contains("PUT"));
    }

    @Test
    void aThrowingStreamFrameStepIsACoreFailureAndTheConnectionStaysOpen() {
        start();
        EmbeddedChannel connection = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return PEER;
            }
        };
        connection.pipeline().addLast(new StreamPipeline(runtime, 1 << 16, Optional.empty()));
        core.failNextFrame();

        connection.writeInbound(framed(new byte[] {9, 9}));
        connection.checkException();

        assertThat(core.frames()).singleElement().isEqualTo(new byte[] {9, 9});
        assertThat(runtime.coreFailures()).isEqualTo(1);
        assertThat(runtime.drops()).doesNotContainKey(RuntimeDrop.STREAM_ERROR);
        assertThat(connection.isOpen()).isTrue();
        assertThat(loggedWithCause()).singleElement()
                .satisfies(entry -> assertThat(entry.message()).contains("STREAM_FRAME"));
    }

    @Test
    void anEncryptedStreamPipelineOpensFramesBeforeTheCoreAndDropsWhatItCannotOpen() {
        start();
        Keyring keyring = Keyring.of(new byte[Keyring.KEY_BYTES]);
        EmbeddedChannel connection = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return PEER;
            }
        };
        connection.pipeline().addLast(new StreamPipeline(runtime, 1 << 16, Optional.of(new PacketCipher(keyring, ""))));

        connection.writeInbound(framed(new PacketCipher(keyring, "").seal(new byte[] {5, 6, 7})));
        connection.writeInbound(framed(new byte[] {PacketCipher.VERSION, 0, 0}));

        assertThat(core.frames()).singleElement().isEqualTo(new byte[] {5, 6, 7});
        assertThat(runtime.drops()).containsOnly(java.util.Map.entry(RuntimeDrop.DECRYPT_FAILED, 1L));
        assertThat(runtime.coreFailures()).isZero();
        assertThat(connection.isOpen()).isTrue();
    }

    /** A stream frame as it travels: a 4-byte length, then the bytes. */
    static ByteBuf framed(byte[] bytes) {
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }
}
