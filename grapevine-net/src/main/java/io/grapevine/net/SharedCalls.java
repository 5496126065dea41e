package io.grapevine.net;

import io.grapevine.core.Node;
import io.grapevine.core.SharedKeyspace;
import io.grapevine.core.keyspace.KeyStore;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.repair.SharedOpResult;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.net.store.MvKeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The shared keyspace between the {@link SharedMap} API and the core: it starts each operation
 * on the node's event loop with a fresh op id, keeps its future until the core's
 * {@code sharedOpCompleted} answers, fails the waiting ones when the node closes, and owns the
 * store's life. The pending table and the id counter are touched only on the loop.
 */
final class SharedCalls {
    private final Node node;
    private final NodeRuntime runtime;
    private final KeyStore store;
    private final Map<Long, CompletableFuture<SharedOpResult>> pending = new HashMap<>();
    private long lastOp;

    /** One call into the core's shared keyspace, given the op id to use. */
    @FunctionalInterface
    interface Call {
        void start(SharedKeyspace shared, long opId, long nowNanos, NodeRuntime out);
    }

    SharedCalls(Node node, NodeRuntime runtime, KeyStore store) {
        this.node = node;
        this.runtime = runtime;
        this.store = store;
        runtime.onSharedResult(this::completed);
    }

    /** Starts an operation on the loop; the future completes with its result (or fails as the call did). */
    CompletableFuture<SharedOpResult> start(Call call) {
        CompletableFuture<SharedOpResult> done = new CompletableFuture<>();
        runtime.submit(CoreStep.SHARED, () -> {
            long opId = ++lastOp;
            // registered first: the core may finish the operation within the call
            pending.put(opId, done);
            try {
                call.start(node.shared(), opId, NodeRuntime.now(), runtime);
            } catch (RuntimeException e) {
                pending.remove(opId);
                throw e;
            }
            return null;
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /** On the loop: an operation ended. */
    private void completed(SharedOpResult result) {
        CompletableFuture<SharedOpResult> waiting = pending.remove(result.opId());
        if (waiting != null) {
            waiting.complete(result);
        }
    }

    /** On the loop: this node's counters. */
    SharedKeyspaceStats stats() {
        SharedKeyspace shared = node.shared();
        return new SharedKeyspaceStats(shared.data().size(), shared.repairsOpened(), shared.entriesRepaired(),
                shared.ringRepairCounts());
    }

    /** On the loop: every entry this node holds, tombstones included, by key. */
    Map<String, SharedEntry> snapshot() {
        Map<String, SharedEntry> all = new TreeMap<>();
        Keyspace data = node.shared().data();
        for (int p = 0; p < data.config().partitions(); p++) {
            data.scanPartition(p, entry -> all.put(entry.key(), entry));
        }
        return all;
    }

    /** On the loop, as the node closes: an operation still waiting would never end, so it fails. */
    void failPending() {
        pending.values().forEach(waiting -> waiting.completeExceptionally(
                new IllegalStateException("the cluster node was closed")));
        pending.clear();
    }

    /** After the loop stopped: commits and closes a persistent store. */
    void closeStore() {
        if (store instanceof MvKeyStore persistent) {
            persistent.close();
        }
    }
}
