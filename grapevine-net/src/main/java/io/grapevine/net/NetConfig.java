package io.grapevine.net;

import io.grapevine.core.CoreConfig;
import io.grapevine.core.base.Address;
import java.util.List;

/**
 * Everything a runtime node needs besides the protocol knobs, immutable and validated at
 * construction (messages name the field). Build it with {@link Cluster#builder(String)}.
 *
 * @param nodeName this node's unique name. Required.
 * @param bindHost address the UDP and TCP sockets bind to. Default {@code 127.0.0.1}.
 * @param bindPort port for both UDP and TCP; 0 picks a free one. Default 7946.
 * @param advertiseHost address other members reach this node at; empty means the bind host
 *                      (which must then not be a wildcard). Default empty.
 * @param advertisePort port other members reach this node at; 0 means the bound port. Default 0.
 * @param seeds {@code host:port} of members to join through; a DNS name stands for every
 *              A/AAAA record it resolves to, re-resolved at each retry. Default none.
 * @param core the protocol configuration. Default {@link CoreConfig#defaults()}.
 * @param plaintext true to run without encryption; only allowed when explicitly set and no
 *                  key is given. Default false.
 * @param joinRetryInitialNanos first wait between join attempts, doubling up to the maximum. Default 1 s: a
 *        seed serving many joiners at once answers each in turn, and an earlier retry only adds
 *        another full exchange to its queue (64 agents joining on two cores: 200 ms made the
 *        join 25 % slower).
 * @param joinRetryMaxNanos longest wait between join attempts. Default 5 s.
 * @param joinTimeoutNanos when join gives up. Default 60 s.
 * @param leaveTimeoutNanos longest {@code leave()} waits for the leave to spread. Default 5 s.
 * @param snapshotPath a file where the node keeps the members it knows, so that after a restart
 *                     {@code join()} also tries up to 16 of them besides the seeds (Serf's
 *                     {@code -snapshot}); not after a graceful leave. Empty: none. Default empty.
 * @param publishView publish a digest of this node's member view under the reserved key
 *                    {@code grapevine.view} (at most every 250 ms while the view changes), so
 *                    that {@link Cluster#health()} can tell whether every member sees the same
 *                    cluster. Costs one small replicated write per view change. Default false
 *                    (the agent turns it on).
 */
public record NetConfig(String nodeName, String bindHost, int bindPort, String advertiseHost, int advertisePort,
                        List<String> seeds, CoreConfig core, boolean plaintext, long joinRetryInitialNanos,
                        long joinRetryMaxNanos, long joinTimeoutNanos, long leaveTimeoutNanos, String snapshotPath,
                        boolean publishView) {
    /** Validates every field. */
    public NetConfig {
        if (nodeName == null || nodeName.isBlank()) {
            throw new IllegalArgumentException("nodeName must not be blank");
        }
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must not be blank");
        }
        port("bindPort", bindPort);
        port("advertisePort", advertisePort);
        if (advertiseHost == null) {
            throw new IllegalArgumentException("advertiseHost must not be null (empty means bindHost)");
        }
        if (advertiseHost.isEmpty() && (bindHost.equals("0.0.0.0") || bindHost.equals("::"))) {
            throw new IllegalArgumentException("advertiseHost is required when bindHost is a wildcard (" + bindHost + ")");
        }
        seeds = List.copyOf(seeds);
        for (String seed : seeds) {
            parseSeed(seed);
        }
        if (core == null) {
            throw new IllegalArgumentException("core must not be null");
        }
        positive("joinRetryInitialNanos", joinRetryInitialNanos);
        positive("joinRetryMaxNanos", joinRetryMaxNanos);
        positive("joinTimeoutNanos", joinTimeoutNanos);
        positive("leaveTimeoutNanos", leaveTimeoutNanos);
        if (snapshotPath == null) {
            throw new IllegalArgumentException("snapshotPath must not be null (empty means none)");
        }
        if (joinRetryMaxNanos < joinRetryInitialNanos) {
            throw new IllegalArgumentException("joinRetryMaxNanos must be >= joinRetryInitialNanos");
        }
    }

    /**
     * Parses one {@code seeds} entry with the core's {@link Address#parse} ({@code host:port},
     * IPv6 hosts in brackets), naming the field: {@code seeds entry must be host:port: x (why)}.
     */
    static Address parseSeed(String seed) {
        try {
            return Address.parse(seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("seeds entry must be host:port: " + seed + " (" + e.getMessage() + ")");
        }
    }

    private static void port(String field, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(field + " must be in 0..65535: " + port);
        }
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }

    /** The defaults for a node named {@code nodeName}. */
    public static NetConfig defaults(String nodeName) {
        return new NetConfig(nodeName, "127.0.0.1", 7946, "", 0, List.of(), CoreConfig.defaults(), false,
                1_000_000_000L, 5_000_000_000L, 60_000_000_000L, 5_000_000_000L, "", false);
    }
}
