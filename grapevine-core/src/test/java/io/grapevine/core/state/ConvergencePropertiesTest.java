package io.grapevine.core.state;

import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DigestEntry;
import io.grapevine.core.base.KeyPriority;
import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.testsupport.Gens;
import io.grapevine.core.testsupport.Properties;
import io.grapevine.core.base.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Scuttlebutt's guarantees under arbitrary writes, deletes, losses, reorderings, small
 * budgets and garbage collection: versions never go backwards, a truncated delta never skips
 * a version, and after a fault-free period every node holds exactly what each owner wrote.
 */
class ConvergencePropertiesTest {
    private static final long GRACE = 50;
    /** See {@link #aDelayedDeltaCutAgainstAnEmptyDigestCannotHideADeletion}. */
    private static final long REGRESSION_SEED = 5L;

    /** One step of the scenario; fields are interpreted modulo the cluster size. */
    record Step(int kind, int a, int b, int key, int budget, boolean depthFirst) {
    }

    private static Gen<Step> steps() {
        Gen<Integer> kinds = Gens.ints(0, 9);
        Gen<Integer> nodes = Gens.ints(0, 99);
        Gen<Integer> keys = Gens.ints(0, 7);
        Gen<Integer> budgets = Gens.of(60, 120, 400, 100_000);
        Gen<Boolean> depthFirst = Gens.booleans();
        return in -> new Step(kinds.generate(in), nodes.generate(in), nodes.generate(in), keys.generate(in),
                budgets.generate(in), depthFirst.generate(in));
    }

    private static Gen<List<Step>> scripts() {
        return Gens.lists(steps(), 0, 120);
    }

    private record InFlight(int to, Delta delta) {
    }

    /**
     * Regression: a script that once left a deleted key alive on one node. A delta cut against
     * an old digest ("you hold nothing") arrived after the node had learned the key, skipped
     * the deletion (its tombstone already forgotten) and advanced the watermark past it. Fixed
     * by making such deltas resets, which a node already past them ignores. The bug was found
     * by seed -1659535530760340060 of the property library used before QuickTheories, which
     * QuickTheories cannot replay; on the code before the fix QuickTheories seed
     * {@value #REGRESSION_SEED} falsifies the property within 31 examples, and its
     * counterexample, minimised, is {@link #aDeletionForgottenBeforeAnEmptyPeersDeltaStaysDeleted}.
     */
    @Test
    void aDelayedDeltaCutAgainstAnEmptyDigestCannotHideADeletion() {
        Properties.regression(REGRESSION_SEED, 300).forAll(Gens.ints(2, 5), scripts(), Gens.anyLong())
                .checkAssert(ConvergencePropertiesTest::checkScript);
    }

    @Test
    void nodesConvergeToWhatEachOwnerWroteAndNeverGoBackwards() {
        Properties.qt(300).forAll(Gens.ints(2, 5), scripts(), Gens.anyLong())
                .checkAssert(ConvergencePropertiesTest::checkScript);
    }

    /**
     * The regression's counterexample, minimised by hand: n1 writes k0 and n2 learns it, n1
     * deletes k0 and forgets the tombstone, then n0 gets a delta cut against its empty digest.
     * Before the fix that delta was no reset, and after the fault-free period k0 was still
     * alive on n2 ("n1's keys on n2").
     */
    @Test
    void aDeletionForgottenBeforeAnEmptyPeersDeltaStaysDeleted() {
        checkScript(4, List.of(
                new Step(0, 1, 0, 0, 60, false),       // n1 puts k0
                new Step(4, 1, 2, 0, 120, false),      // n1 cuts a delta for n2 against n2's digest
                new Step(7, 0, 0, 0, 60, false),       // which arrives: n2 holds k0
                new Step(3, 1, 0, 0, 60, false),       // n1 deletes k0
                new Step(9, 0, 0, 0, 60, false),       // 60 ns pass, past the 50 ns grace: the tombstone is collected
                new Step(4, 1, 0, 0, 60, false),       // n1 cuts a delta for n0 against n0's empty digest
                new Step(7, 0, 0, 0, 60, false)),      // which arrives
                0);
    }

    private static void checkScript(int n, List<Step> script, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        List<ReplicatedState> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new ReplicatedState(new NodeId("n" + i, new Address("10.0.0." + i, 1), 1),
                    StateConfig.defaults().withTombstoneGraceNanos(GRACE)));
        }
        List<InFlight> inFlight = new ArrayList<>();
        Map<String, Long> watermarks = new HashMap<>();
        long now = 0;
        for (Step step : script) {
            ReplicatedState a = nodes.get(step.a() % n);
            int bIndex = step.b() % n;
            String key = "k" + step.key();
            switch (step.kind()) {
                case 0, 1, 2 -> a.put(key, new byte[] {(byte) step.b()}, KeyPriority.values()[step.key() % 3], 0, now);
                case 3 -> a.delete(key, now);
                case 4, 5, 6 -> inFlight.add(new InFlight(bIndex, a.delta(nodes.get(bIndex).digest(), step.budget(),
                        step.depthFirst() ? DeltaPolicy.DEPTH_FIRST : DeltaPolicy.BREADTH_FIRST, random)));
                case 7 -> {
                    if (!inFlight.isEmpty()) {
                        // deliver any in-flight delta, in any order (reordering, late delivery)
                        InFlight message = inFlight.remove(step.b() % inFlight.size());
                        checkPartsNeverSkip(message.delta());
                        nodes.get(message.to()).apply(message.delta(), now);
                    }
                }
                case 8 -> {
                    if (!inFlight.isEmpty()) {
                        inFlight.remove(step.b() % inFlight.size()); // lost
                    }
                }
                default -> {
                    now += step.budget() % 97;
                    for (ReplicatedState node : nodes) {
                        node.collectGarbage(now);
                    }
                }
            }
            checkWatermarksNeverGoBack(nodes, watermarks);
        }
        // fault-free period: push-pull between every ordered pair until nothing changes
        for (int round = 0; round < 20; round++) {
            for (ReplicatedState from : nodes) {
                for (ReplicatedState to : nodes) {
                    if (from != to) {
                        to.apply(from.delta(to.digest(), 100_000, DeltaPolicy.BREADTH_FIRST, random), now);
                    }
                }
            }
        }
        for (ReplicatedState owner : nodes) {
            String name = owner.self().name();
            Map<String, Bytes> truth = owner.liveEntries(name);
            for (ReplicatedState holder : nodes) {
                assertThat(holder.liveEntries(name)).as("%s's keys on %s", name, holder.self().name())
                        .isEqualTo(truth);
            }
        }
    }

    private static void checkPartsNeverSkip(Delta delta) {
        for (DeltaPart part : delta.parts()) {
            long previous = part.fromVersion();
            for (VersionedEntry entry : part.entries()) {
                assertThat(entry.version()).isGreaterThan(previous);
                previous = entry.version();
            }
        }
    }

    private static void checkWatermarksNeverGoBack(List<ReplicatedState> nodes, Map<String, Long> watermarks) {
        for (int i = 0; i < nodes.size(); i++) {
            for (DigestEntry row : nodes.get(i).digest().entries()) {
                String id = i + "/" + row.owner().name() + "/" + row.priority();
                long before = watermarks.getOrDefault(id, 0L);
                assertThat(row.maxVersion()).as("watermark %s", id).isGreaterThanOrEqualTo(before);
                watermarks.put(id, row.maxVersion());
            }
        }
    }
}
