package io.grapevine.net;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.repair.SharedOpResult;
import io.grapevine.core.repair.SharedOpStatus;
import io.grapevine.core.wire.SharedEntry;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One named map of the cluster's shared keyspace (Dynamo): keys any member may write, held by
 * {@code rf} replicas on the consistent-hash ring, merged by last-writer-wins on hybrid
 * logical clocks, repaired by Merkle trees (docs/SHARED-KEYSPACE.md). Get one with
 * {@link Cluster#sharedMap(String)}; every member sees the same map under the same name.
 *
 * <p>Every operation returns a future that completes once {@code w} replicas acknowledged a
 * write, or {@code r} answered a read (the newest by last-writer-wins), and fails with a
 * {@link SharedOpException} when too few answered within the request timeout, or at once with
 * an {@link IllegalArgumentException} naming the limit when a key or value is too large.
 * Thread-safe; futures complete on the node's event loop (do not block there).
 *
 * <p>A map is a key prefix: key {@code k} of map {@code name} is the shared key
 * {@code name/k}, so the limit {@code maxKeyBytes} counts both.
 */
public final class SharedMap {
    private final String name;
    private final String prefix;
    private final SharedCalls calls;

    SharedMap(String name, SharedCalls calls) {
        if (name == null || name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("a shared map name must be non-empty without '/': " + name);
        }
        this.name = name;
        this.prefix = name + "/";
        this.calls = calls;
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    private String key(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        return prefix + key;
    }

    /** Writes {@code key}; completes with the number of replicas that acknowledged (at least {@code w}). */
    public CompletableFuture<Integer> put(String key, byte[] value) {
        String full = key(key);
        byte[] copy = value.clone();
        return calls.start((shared, opId, now, out) -> shared.put(opId, full, copy, now, out))
                .thenApply(SharedMap::acks);
    }

    /** Deletes {@code key} (a tombstone, written like a value); completes with the acknowledgements. */
    public CompletableFuture<Integer> delete(String key) {
        String full = key(key);
        return calls.start((shared, opId, now, out) -> shared.delete(opId, full, now, out))
                .thenApply(SharedMap::acks);
    }

    /** The newest live value of {@code key} among {@code r} replicas, or empty if absent or deleted. */
    public CompletableFuture<Optional<Bytes>> get(String key) {
        String full = key(key);
        return calls.start((shared, opId, now, out) -> shared.get(opId, full, now, out))
                .thenApply(result -> ok(result).entries().stream().findFirst().map(SharedEntry::value));
    }

    /** Every live key of the map with its value, in key order (one replica of each range asked). */
    public CompletableFuture<SortedMap<String, Bytes>> scan() {
        return scan("");
    }

    /** The live keys of the map starting with {@code keyPrefix}, in key order. */
    public CompletableFuture<SortedMap<String, Bytes>> scan(String keyPrefix) {
        String full = prefix + keyPrefix;
        return calls.start((shared, opId, now, out) -> shared.scan(opId, full, now, out))
                .thenApply(result -> {
                    SortedMap<String, Bytes> found = new TreeMap<>();
                    for (SharedEntry entry : ok(result).entries()) {
                        found.put(entry.key().substring(prefix.length()), entry.value());
                    }
                    return Collections.unmodifiableSortedMap(found);
                });
    }

    private static int acks(SharedOpResult result) {
        return ok(result).acks();
    }

    private static SharedOpResult ok(SharedOpResult result) {
        if (result.status() != SharedOpStatus.OK) {
            throw new SharedOpException(result);
        }
        return result;
    }
}
