package io.grapevine.agent.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Five real agents, each in its own network namespace with its own address, and real faults
 * between them injected with nftables at the bridge (issue 18 §4): loss on one node's port, a
 * 2-vs-3 partition and its heal, a one-way partition, a flapping link, and the 2-vs-3 partition
 * again in quorum mode. After each fault is removed every agent must list all five alive with
 * identical entries and hold every acknowledged write, within {@link #HEAL_BOUND}; the time it
 * took is measured and printed ({@link NetnsFigures}). Needs root, {@code ip} and {@code nft}
 * (CI runs as root and .ci/run installs nftables); skipped otherwise, saying why.
 */
@Tag("netns")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetnsFaultsTest {
    /** LAN timings: a silent member is dead after about 5-7 s; see docs/RELIABILITY.md. */
    private static final String PROFILE = "lan";
    private static final int NODES = 5;
    private static final List<Integer> ALL = IntStream.rangeClosed(1, NODES).boxed().toList();
    private static final List<Integer> MINORITY = List.of(1, 2);
    private static final List<Integer> MAJORITY = List.of(3, 4, 5);
    private static final Duration HEAL_BOUND = Duration.ofSeconds(30);
    private static final Duration START_BOUND = Duration.ofSeconds(60);
    private static final Duration DETECT_BOUND = Duration.ofSeconds(30);
    private static final Duration FAULT_WINDOW = Duration.ofSeconds(10);
    /** Past the LAN profile's 5-7 s to declare a silent member dead, with a margin. */
    private static final Duration CUT_WINDOW = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    private static NetnsScript net;
    private static NetnsCluster cluster;
    private static final NetnsFigures FIGURES = new NetnsFigures();

    @BeforeAll
    static void startFiveAgentsInTheirOwnNamespaces() throws IOException {
        Optional<String> unavailable = NetnsScript.whyUnavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(),
                () -> "netns fault harness skipped: " + unavailable.orElse(""));
        net = NetnsScript.find();
        net.up(NODES);
        Path logs = Files.createDirectories(Path.of("target", "netns-logs"));
        cluster = new NetnsCluster(NODES, NetnsScript.ipCommand(), logs);
        cluster.start(PROFILE, List.of());
    }

    @AfterAll
    static void stopAgentsAndRemoveTheNamespaces() {
        try {
            if (cluster != null) {
                cluster.stop();
            }
        } finally {
            if (net != null) {
                net.down();
                System.out.print("netns faults, profile " + PROFILE + ", " + NODES + " agents:\n" + FIGURES.table());
                FIGURES.appendTo(Path.of("target", "netns-figures.tsv"), Instant.now().toString());
            }
        }
    }

    /** Heals first, so that a test that failed half-way leaves no fault to the next. */
    @BeforeEach
    void everyAgentListsAllAlive() {
        net.heal();
        await("all " + NODES + " agents list each other alive").atMost(START_BOUND).pollInterval(POLL)
                .until(cluster::converged);
    }

    @Test
    @Order(1)
    void twentyPercentLossOnOnePortKillsNobodyAndWritesStillReachAll() throws InterruptedException {
        net.loss(2, 20);
        AckedWrites writes = new AckedWrites(cluster);
        Sightings sightings = new Sightings(cluster);
        writeAndWatchFor(FAULT_WINDOW, writes, sightings, () -> false);
        await("every acknowledged write of the nodes' own keys reaches every agent despite the loss")
                .atMost(HEAL_BOUND).pollInterval(POLL).untilAsserted(() -> assertThat(writes.missing(false)).isEmpty());
        int deaths = sightings.count(ALL, ALL, "dead");
        List<String> sharedUnderLoss = writes.missing(true);
        healAndConverge("loss 20% on n2", writes, deaths, "not alive: " + sightings.notAlive()
                + "; shared map read through every agent under the loss: " + (sharedUnderLoss.isEmpty() ? "complete"
                : sharedUnderLoss.size() + " problems, first: " + sharedUnderLoss.get(0)));
        assertThat(deaths).as("members seen dead under 20%% loss: %s", sightings.notAlive()).isZero();
    }

    /**
     * Measures what each side holds of the other during a cut of {@link #CUT_WINDOW}; asserts that
     * writes were acknowledged on both sides and that the heal loses none. Each side seeing the
     * other suspect or dead is measured, not asserted: at N = 5 it does not happen (see
     * docs/RELIABILITY.md, "Partitions in network namespaces").
     */
    @Test
    @Order(2)
    void aTwoThreePartitionHealsWithNoAcknowledgedWriteLost() throws InterruptedException {
        AckedWrites writes = new AckedWrites(cluster);
        writes.round("cut", ALL);
        net.cut(MINORITY, MAJORITY);
        Sightings sightings = new Sightings(cluster);
        writeAndWatchFor(CUT_WINDOW, writes, sightings, () -> sideHolds(MINORITY, MAJORITY, "dead")
                && sideHolds(MAJORITY, MINORITY, "dead"));
        for (int node : ALL) {
            assertThat(writes.ownKeysAckedBy(node)).as("n%d's writes acknowledged before and during the cut", node)
                    .isGreaterThanOrEqualTo(2);
        }
        healAndConverge("cut 2|3", writes, 0, sideReport(sightings, "minority", MINORITY, MAJORITY) + "; "
                + sideReport(sightings, "majority", MAJORITY, MINORITY));
    }

    @Test
    @Order(3)
    void aOneWayPartitionIsMeasuredAndHeals() throws InterruptedException {
        AckedWrites writes = new AckedWrites(cluster);
        Sightings sightings = new Sightings(cluster);
        net.oneway(1, 3);
        writeAndWatchFor(FAULT_WINDOW, writes, sightings, () -> false);
        healAndConverge("one-way n1->n3", writes, 0, "not alive: " + sightings.notAlive());
    }

    @Test
    @Order(4)
    void aFlappingLinkConvergesOnceItStopsWithNoAcknowledgedWriteLost() throws InterruptedException {
        AckedWrites writes = new AckedWrites(cluster);
        Sightings sightings = new Sightings(cluster);
        Process flap = net.flap(MINORITY, MAJORITY, 2_000, 4);
        writeAndWatchFor(Duration.ofSeconds(40), writes, sightings, () -> !flap.isAlive());
        assertThat(flap.waitFor(5, TimeUnit.SECONDS) && flap.exitValue() == 0).as("netns.sh flap ended well").isTrue();
        healAndConverge("flap 2|3, 4 x 2 s", writes, 0, "not alive: " + sightings.notAlive());
    }

    @Test
    @Order(5)
    void inQuorumModeTheMinorityNeverDeclaresTheMajorityDead() throws InterruptedException {
        cluster.stop();
        cluster.start(PROFILE, List.of("--quorum-failure-detection"));
        await("the quorum-mode agents list each other alive").atMost(START_BOUND).pollInterval(POLL)
                .until(cluster::converged);
        AckedWrites writes = new AckedWrites(cluster);
        net.cut(MINORITY, MAJORITY);
        Sightings sightings = new Sightings(cluster);
        writeAndWatchFor(CUT_WINDOW, writes, sightings, () -> false);
        int minorityVerdicts = sightings.count(MINORITY, MAJORITY, "dead");
        healAndConverge("cut 2|3, quorum mode", writes, minorityVerdicts,
                sideReport(sightings, "minority", MINORITY, MAJORITY) + "; "
                        + sideReport(sightings, "majority", MAJORITY, MINORITY));
        assertThat(minorityVerdicts).as("majority members the minority declared dead: %s", sightings.notAlive())
                .isZero();
    }

    /** What one side was seen holding of the other: when all of it suspect or dead, when all dead. */
    private static String sideReport(Sightings sightings, String side, List<Integer> observers,
                                     List<Integer> subjects) {
        return side + " held the other side not alive " + sightings.whenAllSeen(observers, subjects,
                List.of("suspect", "dead")) + ", dead " + sightings.whenAllSeen(observers, subjects, List.of("dead"));
    }

    /**
     * Samples every view every {@link #POLL} while a background thread writes a round on every node
     * every {@link #WRITE_EVERY} (a shared write without replicas in reach waits 2 s for its 504,
     * which must not delay the samples), until {@code done} or {@code window} has passed; then
     * waits for the writer's last round.
     */
    private static void writeAndWatchFor(Duration window, AckedWrites writes, Sightings sightings, BooleanSupplier done)
            throws InterruptedException {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleWithFixedDelay(() -> writes.round("w", ALL), 0, WRITE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            long start = System.nanoTime();
            await().atMost(window.plus(HEAL_BOUND)).pollInterval(POLL).until(() -> {
                sightings.sample();
                return done.getAsBoolean() || System.nanoTime() - start >= window.toNanos();
            });
        } finally {
            writer.shutdown();
            assertThat(writer.awaitTermination(HEAL_BOUND.toSeconds(), TimeUnit.SECONDS)).as("the writer stopped").isTrue();
        }
    }

    /**
     * Removes the faults, then waits for one membership everywhere and every write everywhere;
     * the note says when each of the three (membership, own keys, shared map) first held.
     */
    private static void healAndConverge(String fault, AckedWrites writes, int falseDeaths, String note) {
        net.heal();
        long healNanos = System.nanoTime();
        double[] firstHeld = {-1, -1, -1};
        await("after " + fault + " heals, every agent lists all alive, identically, with every acknowledged write")
                .atMost(HEAL_BOUND).pollInterval(POLL).untilAsserted(() -> {
                    boolean membership = cluster.converged();
                    List<String> ownKeys = writes.missing(false);
                    List<String> all = writes.missing(true);
                    markFirst(firstHeld, 0, membership, healNanos);
                    markFirst(firstHeld, 1, ownKeys.isEmpty(), healNanos);
                    markFirst(firstHeld, 2, all.size() == ownKeys.size(), healNanos);
                    assertThat(membership).as("identical all-alive membership; views:%s",
                            membership ? "" : cluster.views()).isTrue();
                    assertThat(all).as("acknowledged writes missing").isEmpty();
                });
        FIGURES.add(new NetnsFigures.Row(fault, secondsSince(healNanos), writes.ownKeysAcked(), writes.sharedAcked(),
                writes.sharedRefused(), writes.lost(), falseDeaths, String.format(Locale.ROOT,
                "first held after the heal: membership %.1f s, own keys %.1f s, shared map %.1f s; %s",
                firstHeld[0], firstHeld[1], firstHeld[2], note)));
    }

    private static void markFirst(double[] firstHeld, int index, boolean holds, long sinceNanos) {
        if (holds && firstHeld[index] < 0) {
            firstHeld[index] = secondsSince(sinceNanos);
        }
    }

    /** Whether every observer in {@code observers} holds every member of {@code subjects} at {@code status}. */
    private static boolean sideHolds(List<Integer> observers, List<Integer> subjects, String status) {
        return observers.stream().allMatch(o -> subjects.stream().allMatch(s -> cluster.status(o, s).equals(status)));
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
