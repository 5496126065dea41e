package io.grapevine.core.keyspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import io.grapevine.core.wire.SharedEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The shared keyspace's guarantees (issue 15 §5) under arbitrary writes and deletes by any
 * writer, at either replica, with or without the other seeing them: Merkle repair makes any
 * two replicas equal and loses no write; identical replicas exchange only the root; the
 * incrementally kept trees equal freshly built ones; a key's entry never goes backwards.
 */
class KeyspacePropertiesTest {
    /**
     * One write: at replica {@code at} (0 or 1), by writer {@code writer}, of key {@code key},
     * a delete when {@code delete}, also delivered to the other replica when {@code both};
     * {@code advance} milliseconds of physical time pass first (0 makes equal clocks likely).
     */
    record Op(int at, int writer, int key, boolean delete, boolean both, int value, int advance) {
    }

    private static Gen<Op> ops() {
        return in -> new Op(Gens.ints(0, 1).generate(in), Gens.ints(0, 3).generate(in),
                Gens.ints(0, 300).generate(in), Gens.ints(0, 3).generate(in) == 0, Gens.booleans().generate(in),
                Gens.ints(0, 255).generate(in), Gens.ints(0, 2).generate(in));
    }

    private static Gen<List<Op>> scripts() {
        return Gens.lists(ops(), 0, 400);
    }

    /** Runs {@code script} on two replicas; returns the last-writer-wins winner of every key written. */
    private static Map<String, SharedEntry> play(List<Op> script, Keyspace[] replicas) {
        Map<String, SharedEntry> winners = new TreeMap<>();
        long millis = 1_000;
        for (Op op : script) {
            millis += op.advance();
            Keyspace at = replicas[op.at()];
            SharedEntry entry = at.stamp("k" + op.key(), op.delete() ? Bytes.EMPTY : Bytes.copyOf(new byte[] {
                (byte) op.value()}), op.delete(), "w" + op.writer(), millis);
            at.apply(entry, millis);
            if (op.both()) {
                replicas[1 - op.at()].apply(entry, millis);
            }
            winners.merge(entry.key(), entry, (a, b) -> Precedence.wins(b, a) ? b : a);
        }
        return winners;
    }

    @Test
    void anyTwoReplicasRepairedAreEqualAndHoldEveryWinningWrite() {
        Properties.qt(200).forAll(scripts()).checkAssert(script -> {
            Keyspace[] replicas = {Replicas.fresh(), Replicas.fresh()};
            Map<String, SharedEntry> winners = play(script, replicas);
            Replicas.repairFully(replicas[0], replicas[1], 10_000);
            Replicas.assertSame(replicas[0], replicas[1]);
            for (SharedEntry winner : winners.values()) {
                assertThat(replicas[0].get(winner.key())).isEqualTo(winner);
            }
            assertThat(replicas[0].size()).isEqualTo(winners.size());
        });
    }

    /** The same with every repair message cut to 1 KiB: several exchanges, the same end. */
    @Test
    void replicasRepairedUnderASmallByteBudgetAreEqualToo() {
        KeyspaceConfig tight = Replicas.SMALL.withMaxRepairBytes(1024);
        Properties.qt(100).forAll(scripts()).checkAssert(script -> {
            Keyspace[] replicas = {new Keyspace(tight, new MemoryKeyStore()), new Keyspace(tight, new MemoryKeyStore())};
            Map<String, SharedEntry> winners = play(script, replicas);
            Replicas.repairFully(replicas[0], replicas[1], 10_000);
            Replicas.assertSame(replicas[0], replicas[1]);
            assertThat(replicas[0].size()).isEqualTo(winners.size());
        });
    }

    @Test
    void identicalReplicasExchangeOnlyTheRoots() {
        Properties.qt(100).forAll(scripts()).checkAssert(script -> {
            List<Op> everywhere = script.stream()
                    .map(op -> new Op(op.at(), op.writer(), op.key(), op.delete(), true, op.value(), op.advance()))
                    .toList();
            Keyspace[] replicas = {Replicas.fresh(), Replicas.fresh()};
            play(everywhere, replicas);
            List<Object> sent = new ArrayList<>();
            int messages = PairRepair.run(replicas[0], replicas[1], Replicas.ALL, 10_000, sent::add).messages();
            // the roots, and the notice back that they matched: one hash per range each way, nothing else
            assertThat(messages).isEqualTo(2);
            assertThat(sent).hasSize(2);
            assertThat(sent.get(0)).isInstanceOf(io.grapevine.core.wire.MerkleHashes.class);
            assertThat(((io.grapevine.core.wire.MerkleInSync) sent.get(1)).roots()).hasSize(Replicas.ALL.size());
            assertThat(replicas[0].isStale(0, 10_000)).as("the initiator knows it is in sync").isFalse();
        });
    }

    @Test
    void incrementalTreesEqualTreesBuiltAfreshFromTheStore() {
        Properties.qt(200).forAll(scripts(), Gens.ints(0, 3)).checkAssert((script, gcRange) -> {
            MemoryKeyStore store = new MemoryKeyStore();
            Keyspace kept = new Keyspace(Replicas.SMALL, store);
            play(script, new Keyspace[] {kept, kept});
            // a garbage collection removes tombstones from one range's tree too
            kept.raiseHorizon(gcRange, kept.clockHighWaterMark() / 2);
            Keyspace rebuilt = new Keyspace(Replicas.SMALL, store);
            for (int p : Replicas.ALL) {
                assertThat(kept.tree(p).sameAs(rebuilt.tree(p))).as("range %d", p).isTrue();
            }
        });
    }

    @Test
    void aKeysEntryNeverGoesBackwards() {
        Properties.qt(200).forAll(scripts()).checkAssert(script -> {
            Keyspace replica = Replicas.fresh();
            // four writers with skewed clocks: their entries arrive out of stamp order
            Keyspace[] writers = {Replicas.fresh(), Replicas.fresh(), Replicas.fresh(), Replicas.fresh()};
            long[] skews = {0, -50, 30, -7};
            Map<String, SharedEntry> held = new TreeMap<>();
            long millis = 1_000;
            for (Op op : script) {
                millis += op.advance();
                SharedEntry entry = writers[op.writer()].stamp("k" + op.key() % 20, op.delete() ? Bytes.EMPTY
                        : Bytes.copyOf(new byte[] {(byte) op.value()}), op.delete(), "w" + op.writer(),
                        millis + skews[op.writer()]);
                // re-deliver old entries too: duplicates and stale ones must change nothing
                replica.apply(entry, millis);
                SharedEntry before = held.get(entry.key());
                SharedEntry now = replica.get(entry.key());
                if (before != null) {
                    assertThat(Precedence.compare(now, before)).isGreaterThanOrEqualTo(0);
                }
                held.put(entry.key(), now);
                if (op.both() && before != null) {
                    assertThat(replica.apply(before, millis).holds()).isTrue();
                    assertThat(replica.get(entry.key())).isEqualTo(now);
                }
            }
        });
    }
}
