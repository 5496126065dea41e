package io.grapevine.agent.run;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.CoreConfig;
import io.grapevine.net.Cluster;
import io.grapevine.net.ClusterBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A join rehearsed before the agent's own node starts: two throwaway nodes in this JVM, on
 * ephemeral loopback ports, with a cluster key of their own (or plaintext when the agent is),
 * join each other, exchange a user event and a key write, and close. The agent's real node
 * runs the same code in the same JVM, so its first join, event and write find the classes
 * loaded and initialised (the codec, AES-GCM, Netty's datagram and stream pipelines, the
 * membership exchange) instead of paying for that while a cluster forms: with N fresh JVMs
 * joining at once on a few cores, that cold cost is most of a join's time. The throwaway
 * nodes never learn of any real member (their key and ports are their own) and leave nothing
 * behind. The throwaway node is also sent a {@link JunkBurst}, so that the paths that drop
 * junk are compiled before a flood needs them. Then a <em>probe drill</em>: the throwaway pair
 * probes each other and exchanges state digests every {@link #DRILL_INTERVAL} until each has
 * received {@link #DRILL_PACKETS} datagrams (a few hundred probe rounds, about half a second),
 * so that the paths an idle agent runs a few times a second (the probe and its ack, the
 * anti-entropy digest, sealing and opening) are compiled before the agent serves instead of
 * running interpreted through its first minutes (docs/PERFORMANCE.md, "Idle cost").
 * {@link #api} then rehearses the HTTP API's request path. Bounded by {@link #BUDGET}; a rehearsal that fails or runs out of time is logged
 * and the agent starts anyway. On by default; the system property {@value #PROPERTY} ({@code
 * true} or {@code false}) turns it off, e.g. for tests that start many agents in one JVM.
 * Called once, on the starting thread.
 */
final class Rehearsal {
    /** The system property that turns the rehearsal on or off. */
    static final String PROPERTY = "grapevine.agent.rehearse";
    /**
     * The longest a rehearsal may take; it is abandoned after that. Alone on a host it takes
     * about a second; 32 agents starting at once on two cores took 10-20 s each (a 5 s budget cut
     * a quarter of them short before their drill).
     */
    static final Duration BUDGET = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Rehearsal.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The drill's probe and anti-entropy interval (its probe timeout is three quarters of it). */
    static final Duration DRILL_INTERVAL = Duration.ofMillis(2);
    /**
     * Datagrams each drill node receives before the drill ends: a probe's ping and ack and a
     * digest per interval, so about 150 intervals, past C1's compile threshold of a few hundred
     * calls for the per-packet methods.
     */
    static final long DRILL_PACKETS = 600;
    /** How often the drill looks at its nodes' counters. */
    private static final Duration DRILL_POLL = Duration.ofMillis(20);
    /** The logger the runtime reports dropped input to. */
    private static final String RUNTIME_LOGGER = "io.grapevine.net.NodeRuntime";

    private Rehearsal() {
    }

    /**
     * Whether agents rehearse their join: {@value #PROPERTY}, default true.
     *
     * @throws AgentStartException naming the property when it is neither true nor false
     */
    static boolean enabled() {
        String value = System.getProperty(PROPERTY, "true").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw new AgentStartException("-D" + PROPERTY + " must be true or false: " + value);
        }
        return value.equals("true");
    }

    /**
     * Rehearses with the agent's protocol configuration and encryption choice.
     *
     * @param core the agent's core configuration (its profile)
     * @param encrypted whether the agent encrypts (the rehearsal then uses a fresh key of its own)
     * @return whether the event and the write both arrived, and whether the drill was complete, within the budget
     */
    static Outcome run(CoreConfig core, boolean encrypted) {
        long start = System.nanoTime();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        CountDownLatch heard = new CountDownLatch(2);
        boolean complete = false;
        boolean drilled = false;
        Cluster a = null;
        Cluster b = null;
        try {
            a = node("rehearsal-a", core, encrypted, key).listener(event -> {
                if (event instanceof ClusterEvent.UserEventReceived || event instanceof ClusterEvent.KeyChanged) {
                    heard.countDown();
                }
            }).start();
            b = node("rehearsal-b", core, encrypted, key).start();
            b.join(List.of(seedOf(a))).get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            b.broadcast("rehearsal", new byte[] {1}).get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            b.put("rehearsal", "1".getBytes(StandardCharsets.UTF_8)).get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            long left = BUDGET.toNanos() - (System.nanoTime() - start);
            complete = heard.await(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (!complete) {
                LOG.warn("join rehearsal: the event and the write did not arrive within {} ms; starting anyway",
                        BUDGET.toMillis());
            }
            if (!junk(a, start + BUDGET.toNanos())) {
                LOG.debug("junk rehearsal: not every datagram was counted within the budget");
            }
            close(b);
            close(a);
            b = null;
            a = null;
            a = node("rehearsal-drill-a", drill(core), encrypted, key).start();
            b = node("rehearsal-drill-b", drill(core), encrypted, key).start();
            b.join(List.of(seedOf(a))).get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            drilled = drilled(a, b, start + BUDGET.toNanos());
            if (!drilled) {
                LOG.debug("probe drill: fewer than {} datagrams each within the budget", DRILL_PACKETS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("join rehearsal failed ({}); starting anyway", e.toString());
        } finally {
            close(b);
            close(a);
        }
        LOG.debug("join rehearsal took {} ms", (System.nanoTime() - start) / 1_000_000);
        return new Outcome(complete, drilled);
    }

    /**
     * What a rehearsal achieved within its budget.
     *
     * @param heard the throwaway node heard the user event and the key write
     * @param drilled both drill nodes received {@link #DRILL_PACKETS} datagrams
     */
    record Outcome(boolean heard, boolean drilled) {
    }

    /**
     * The drill's configuration: the agent's, with probes and state digests every
     * {@link #DRILL_INTERVAL} (a probe timeout of three quarters of it).
     */
    static CoreConfig drill(CoreConfig core) {
        long interval = DRILL_INTERVAL.toNanos();
        return core.withDetector(d -> d.withProbeTimeoutNanos(interval * 3 / 4).withProbeIntervalNanos(interval))
                .withSync(s -> s.withAntiEntropyIntervalNanos(interval));
    }

    /** Waits until both nodes have received {@link #DRILL_PACKETS} datagrams, or the deadline passes. */
    private static boolean drilled(Cluster a, Cluster b, long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            if (a.metrics().core().packetsReceived() >= DRILL_PACKETS
                    && b.metrics().core().packetsReceived() >= DRILL_PACKETS) {
                return true;
            }
            Thread.sleep(DRILL_POLL.toMillis());
        }
        return false;
    }

    /**
     * Rehearses the HTTP API's request path once it listens on {@code host:port}: a refused join
     * (no seeds: 400, nothing joined), the member list and the health check, over raw HTTP/1.1,
     * so the first operator or benchmark request does not pay for Jetty's and Jackson's first
     * use. Answers are read and dropped; a failure is logged and ignored.
     *
     * @param host the API's bind address (a wildcard, {@code 0.0.0.0} or {@code ::}, is reached on loopback)
     * @param port the API's bound port
     * @param token the API's bearer token, or empty
     * @return how many of the three requests were answered
     */
    static int api(String host, int port, Optional<String> token) {
        String target = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")
                ? "127.0.0.1" : host;
        String literal = target.startsWith("[") && target.endsWith("]") ? target.substring(1, target.length() - 1) : target;
        String hostHeader = literal.indexOf(':') >= 0 ? "[" + literal + "]" : literal;
        String auth = token.map(t -> "Authorization: Bearer " + t + "\r\n").orElse("");
        String body = "{\"seeds\":[]}";
        List<String> requests = List.of(
                "POST /v1/join HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body,
                "GET /v1/members HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + auth + "Connection: close\r\n\r\n",
                "GET /v1/health HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + auth + "Connection: close\r\n\r\n");
        int answered = 0;
        for (String request : requests) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(literal, port), (int) BUDGET.toMillis());
                socket.setSoTimeout((int) BUDGET.toMillis());
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                if (socket.getInputStream().readAllBytes().length > 0) {
                    answered++;
                }
            } catch (IOException e) {
                LOG.warn("HTTP rehearsal failed ({}); serving anyway", e.toString());
                break;
            }
        }
        return answered;
    }

    /**
     * {@link JunkBurst} against the throwaway node, with the runtime's warnings about dropped
     * input silenced meanwhile (they would describe the rehearsal's own junk); the level is
     * restored after.
     */
    private static boolean junk(Cluster target, long deadlineNanos) throws IOException {
        org.slf4j.Logger runtimeLog = LoggerFactory.getLogger(RUNTIME_LOGGER);
        if (!(runtimeLog instanceof ch.qos.logback.classic.Logger logback)) {
            return JunkBurst.send(target, deadlineNanos);
        }
        ch.qos.logback.classic.Level level = logback.getLevel();
        logback.setLevel(ch.qos.logback.classic.Level.ERROR);
        try {
            return JunkBurst.send(target, deadlineNanos);
        } finally {
            logback.setLevel(level);
        }
    }

    private static ClusterBuilder node(String name, CoreConfig core, boolean encrypted, byte[] key) {
        ClusterBuilder builder = Cluster.builder(name).bind("127.0.0.1", 0).core(core)
                .leaveTimeout(Duration.ofMillis(200));
        return encrypted ? builder.encryptionKey(key) : builder.plaintext();
    }

    /** {@code cluster}'s gossip address on loopback, as a join seed. */
    private static String seedOf(Cluster cluster) {
        return "127.0.0.1:" + cluster.boundAddress().getPort();
    }

    private static void close(Cluster cluster) {
        if (cluster != null) {
            cluster.close();
        }
    }
}
