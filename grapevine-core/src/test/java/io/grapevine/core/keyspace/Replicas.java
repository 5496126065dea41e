package io.grapevine.core.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.merkle.MerkleShape;
import io.grapevine.core.wire.SharedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Test fixture: small keyspaces whose trees have every level, and helpers to compare them. */
final class Replicas {
    /** 4 ranges, trees of fanout 4 and depth 3 (64 leaves): a few hundred keys share leaves. */
    static final KeyspaceConfig SMALL = KeyspaceConfig.defaults().withPartitionBits(2)
            .withMerkle(new MerkleShape(4, 3));
    static final List<Integer> ALL = IntStream.range(0, SMALL.partitions()).boxed().toList();

    private Replicas() {
    }

    static Keyspace fresh() {
        return new Keyspace(SMALL, new MemoryKeyStore());
    }

    /** Every entry, tombstones included, in (range, hash, key) order. */
    static List<SharedEntry> contents(Keyspace keyspace) {
        List<SharedEntry> all = new ArrayList<>();
        for (int p : ALL) {
            keyspace.scanPartition(p, all::add);
        }
        return all;
    }

    /** Repairs until the roots match (each run may be cut by the byte budget); returns the runs. */
    static int repairFully(Keyspace a, Keyspace b, long physicalMillis) {
        for (int run = 1; run <= 20; run++) {
            PairRepair.run(run % 2 == 1 ? a : b, run % 2 == 1 ? b : a, ALL, physicalMillis, m -> { });
            if (rootsMatch(a, b)) {
                return run;
            }
        }
        throw new AssertionError("not repaired after 20 runs");
    }

    static boolean rootsMatch(Keyspace a, Keyspace b) {
        return ALL.stream().allMatch(p -> a.tree(p).root() == b.tree(p).root());
    }

    static void assertSame(Keyspace a, Keyspace b) {
        assertThat(contents(a)).isEqualTo(contents(b));
        assertThat(rootsMatch(a, b)).isTrue();
    }
}
