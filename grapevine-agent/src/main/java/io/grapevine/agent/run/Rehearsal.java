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
 * junk are compiled before a flood needs them. {@link #api} then rehearses the HTTP API's request path. Bounded by {@link #BUDGET}; a rehearsal that fails or runs out of time is logged
 * and the agent starts anyway. On by default; the system property {@value #PROPERTY} ({@code
 * true} or {@code false}) turns it off, e.g. for tests that start many agents in one JVM.
 * Called once, on the starting thread.
 */
final class Rehearsal {
    /** The system property that turns the rehearsal on or off. */
    static final String PROPERTY = "grapevine.agent.rehearse";
    /** The longest a rehearsal may take; it is abandoned after that. */
    static final Duration BUDGET = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Rehearsal.class);
    private static final SecureRandom RANDOM = new SecureRandom();
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
     * @return true when the event and the write both arrived within the budget
     */
    static boolean run(CoreConfig core, boolean encrypted) {
        long start = System.nanoTime();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        CountDownLatch heard = new CountDownLatch(2);
        boolean complete = false;
        Cluster a = null;
        Cluster b = null;
        try {
            a = node("rehearsal-a", core, encrypted, key).listener(event -> {
                if (event instanceof ClusterEvent.UserEventReceived || event instanceof ClusterEvent.KeyChanged) {
                    heard.countDown();
                }
            }).start();
            b = node("rehearsal-b", core, encrypted, key).start();
            String seed = "127.0.0.1:" + a.boundAddress().getPort();
            b.join(List.of(seed)).get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("join rehearsal failed ({}); starting anyway", e.toString());
        } finally {
            close(b);
            close(a);
        }
        LOG.debug("join rehearsal took {} ms", (System.nanoTime() - start) / 1_000_000);
        return complete;
    }

    /**
     * Rehearses the HTTP API's request path once it listens on {@code port}: a refused join (no
     * seeds: 400, nothing joined), the member list and the health check, over raw HTTP/1.1 on
     * loopback, so the first operator or benchmark request does not pay for Jetty's and
     * Jackson's first use. Answers are read and dropped; a failure is logged and ignored.
     *
     * @param port the API's bound port
     * @param token the API's bearer token, or empty
     * @return how many of the three requests were answered
     */
    static int api(int port, Optional<String> token) {
        String auth = token.map(t -> "Authorization: Bearer " + t + "\r\n").orElse("");
        String body = "{\"seeds\":[]}";
        List<String> requests = List.of(
                "POST /v1/join HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body,
                "GET /v1/members HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n",
                "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Connection: close\r\n\r\n");
        int answered = 0;
        for (String request : requests) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), (int) BUDGET.toMillis());
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

    private static void close(Cluster cluster) {
        if (cluster != null) {
            cluster.close();
        }
    }
}
