package io.grapevine.net;

import io.grapevine.core.Node;
import io.grapevine.core.base.Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Joins through seeds with exponential back-off: resolves every seed (a DNS name yields all
 * its A/AAAA records, re-resolved at each attempt, as a Kubernetes headless Service gives),
 * asks the core to exchange full state with each, and completes once another member is known.
 * DNS lookups run on a resolver thread, never on the event loop.
 */
final class Joiner {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Joiner.class);
    private final NetConfig config;
    private final Node node;
    private final NodeRuntime runtime;
    private final ExecutorService resolver;
    private volatile boolean cancelled;

    Joiner(NetConfig config, Node node, NodeRuntime runtime) {
        this.config = config;
        this.node = node;
        this.runtime = runtime;
        this.resolver = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "grapevine-resolver-" + config.nodeName());
            thread.setDaemon(true);
            return thread;
        });
    }

    CompletableFuture<Integer> join(List<String> seeds) {
        CompletableFuture<Integer> joined = new CompletableFuture<>();
        if (seeds.isEmpty()) {
            joined.completeExceptionally(new IllegalArgumentException("seeds must not be empty"));
            return joined;
        }
        List<Address> parsed = new ArrayList<>(seeds.size());
        try {
            for (String seed : seeds) {
                parsed.add(NetConfig.parseSeed(seed));
            }
        } catch (IllegalArgumentException e) {
            joined.completeExceptionally(e); // API misuse: the caller's future says which entry
            return joined;
        }
        long deadline = NodeRuntime.now() + config.joinTimeoutNanos();
        runtime.loop().execute(() -> runtime.afterInput(() -> {
            if (!joined.isDone() && node.liveMemberCount() > 1) {
                warnIfSeenElsewhere();
                joined.complete(node.liveMemberCount());
            }
        }));
        attempt(List.copyOf(parsed), joined, config.joinRetryInitialNanos(), deadline);
        return joined;
    }

    /** A seed that sees our requests come from another host than we advertise: members may not reach us. */
    private void warnIfSeenElsewhere() {
        String observed = node.observedHost();
        String advertised = node.self().address().host();
        if (!observed.isEmpty() && !observed.equals(advertised)) {
            LOG.warn("the seed sees this node at {} but it advertises {}: members may be unable to reach it "
                    + "(set the advertise address)", observed, advertised);
        }
    }

    private void attempt(List<Address> seeds, CompletableFuture<Integer> joined, long backoffNanos, long deadline) {
        if (joined.isDone() || cancelled) {
            return;
        }
        if (NodeRuntime.now() >= deadline) {
            joined.completeExceptionally(new TimeoutException("no seed answered within the join timeout: " + seeds));
            return;
        }
        resolver.execute(() -> {
            List<Address> addresses = resolve(seeds);
            runtime.loop().execute(() -> {
                if (!addresses.isEmpty() && !joined.isDone()) {
                    runtime.submit(CoreStep.JOIN, () -> {
                        node.join(addresses, NodeRuntime.now(), runtime);
                        return null;
                    }).whenComplete((ignored, failure) -> {
                        if (failure != null) {
                            joined.completeExceptionally(failure); // a core failure: counted, logged, and told
                        }
                    });
                }
                long next = Math.min(backoffNanos * 2, config.joinRetryMaxNanos());
                runtime.loop().schedule(() -> attempt(seeds, joined, next, deadline), backoffNanos,
                        TimeUnit.NANOSECONDS);
            });
        });
    }

    /** Every address the seeds' hosts resolve to now (IP literals resolve to themselves). */
    private static List<Address> resolve(List<Address> seeds) {
        Set<Address> addresses = new LinkedHashSet<>();
        for (Address seed : seeds) {
            try {
                for (InetAddress address : InetAddress.getAllByName(seed.host())) {
                    addresses.add(new Address(address.getHostAddress(), seed.port()));
                }
            } catch (UnknownHostException e) {
                // not resolvable now: try again at the next attempt
            }
        }
        return new ArrayList<>(addresses);
    }

    void cancel() {
        cancelled = true;
        resolver.shutdownNow();
    }
}
