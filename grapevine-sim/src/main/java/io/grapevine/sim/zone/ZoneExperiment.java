package io.grapevine.sim.zone;

import io.grapevine.core.Node;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Member;
import io.grapevine.core.state.KeyChange;
import io.grapevine.sim.SimConfig;
import io.grapevine.sim.measure.WriteSpread;
import io.grapevine.sim.Simulation;
import io.grapevine.sim.network.NetworkModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one zones experiment ({@link ZoneRunConfig}) on the production core: a converged start,
 * a warm-up in which the nodes learn each other's zones, an idle window (cross-zone traffic),
 * timed writes by random nodes (spread to every node), then one zone cut off from the others
 * and healed (beliefs during the cut, time to re-merge, writes of the cut lost or not). The
 * network has the zone latencies whether or not the nodes are zone-aware, so a flat run on the
 * same seed is the comparison. Deterministic: same config, same result.
 */
public final class ZoneExperiment {
    private static final long STEP_NANOS = 100_000_000L;
    private static final String PREFIX = "zw-";

    private final ZoneRunConfig config;
    private final Simulation sim;
    /** Each timed or cut write's watch, by key (every key is written once). */
    private final Map<String, WriteSpread> writes = new HashMap<>();
    private final CrossZoneVerdicts verdicts;
    private final List<Double> timeline = new ArrayList<>();
    private long timelineStartNanos;
    private long lastSampleBytes;

    private ZoneExperiment(ZoneRunConfig config) {
        this.config = config;
        int n = config.nodes();
        sim = new Simulation(SimConfig.defaults().withNodes(n).withSeed(config.seed()).withCore(config.core())
                .withNetwork(NetworkModel.defaults().withJitterNanos(200_000L)));
        int[] zoneOf = new int[n];
        for (int i = 0; i < n; i++) {
            zoneOf[i] = i / config.perZone();
        }
        sim.network().zones(zoneOf, config.latency());
        if (config.zoneAware()) {
            sim.configureNodes(i -> config.core().withZone(z -> z.withZone(zoneName(i / config.perZone()))
                    .withCrossZoneLinks(config.crossZoneLinks())));
        }
        verdicts = new CrossZoneVerdicts(sim);
        sim.addObserver(verdicts);
    }

    /** The name of zone {@code index}: {@code zone-<index>}. */
    public static String zoneName(int index) {
        return "zone-" + index;
    }

    /** Runs {@code config} and returns what it measured. */
    public static ZoneResult run(ZoneRunConfig config) {
        return new ZoneExperiment(config).execute();
    }

    /** The simulation a run with {@code config} uses, started and warmed up (for tests that drive it themselves). */
    public static Simulation warmedUp(ZoneRunConfig config) {
        ZoneExperiment experiment = new ZoneExperiment(config);
        experiment.sim.startConverged();
        experiment.sim.runFor(config.warmupNanos());
        return experiment.sim;
    }

    private ZoneResult execute() {
        // nodes learn the zones during the warm-up and run flat until they do: accusations count from its end
        verdicts.counting(false);
        sim.startConverged();
        sim.runFor(config.warmupNanos());
        verdicts.counting(true);
        double known = zonesKnown();
        timelineStartNanos = sim.nowNanos();
        lastSampleBytes = sim.network().crossZoneBytes();
        long bytes0 = sim.network().crossZoneBytes();
        long packets0 = sim.network().crossZonePackets();
        long allBytes0 = sim.stats().bytesSent();
        advance(config.idleWindowNanos());
        double seconds = config.idleWindowNanos() / 1e9;
        double idleBytes = (sim.network().crossZoneBytes() - bytes0) / seconds;
        double idlePackets = (sim.network().crossZonePackets() - packets0) / seconds;
        double perNode = (sim.stats().bytesSent() - allBytes0) / seconds / config.nodes();

        long writeBytes0 = sim.network().crossZoneBytes();
        long writeStart = sim.nowNanos();
        List<String> keys = new ArrayList<>();
        for (int w = 0; w < config.writes(); w++) {
            keys.add(write(PREFIX + "timed-" + w, sim.scenarioRandom().nextInt(config.nodes())));
            advance(config.writeSpacingNanos());
        }
        waitFor(keys, 30_000_000_000L);
        double writeRate = (sim.network().crossZoneBytes() - writeBytes0) / ((sim.nowNanos() - writeStart) / 1e9);
        List<Long> spreads = new ArrayList<>();
        for (String key : keys) {
            WriteSpread spread = writes.get(key);
            spreads.add(spread.reachedAtNanos() < 0 ? -1 : (spread.reachedAtNanos() - spread.startNanos()) / 1_000_000L);
        }
        ZoneResult.Cut cut = config.cutNanos() > 0 ? cut() : null;
        return new ZoneResult(config, known, idleBytes, idlePackets, perNode, writeRate, spreads,
                verdicts.crossZoneDeaths(), verdicts.sameZoneDeaths(), verdicts.crossZoneSuspicions(), cut, timeline);
    }

    /** Runs for {@code nanos}, sampling the cross-zone bytes of every whole second since the idle window began. */
    private void advance(long nanos) {
        long target = sim.nowNanos() + nanos;
        while (sim.nowNanos() < target) {
            long nextSecond = timelineStartNanos + (timeline.size() + 1) * 1_000_000_000L;
            sim.runUntil(Math.min(target, nextSecond));
            if (sim.nowNanos() == nextSecond) {
                long bytes = sim.network().crossZoneBytes();
                timeline.add((double) (bytes - lastSampleBytes));
                lastSampleBytes = bytes;
            }
        }
    }

    private double seconds(long nowNanos) {
        return (nowNanos - timelineStartNanos) / 1e9;
    }

    private String write(String key, int node) {
        KeyChange change = sim.put(node, key, key.getBytes(StandardCharsets.UTF_8));
        BitSet others = new BitSet(config.nodes());
        others.set(0, config.nodes());
        others.clear(node);
        WriteSpread spread = new WriteSpread(sim.name(node), key, change.newVersion(), others, sim.nowNanos());
        sim.addObserver(spread);
        writes.put(key, spread);
        return key;
    }

    private boolean everywhere(String key) {
        return writes.get(key).reachedAtNanos() >= 0;
    }

    /** Runs until every key is on every node or {@code limitNanos} passed; returns whether they all are. */
    private boolean waitFor(List<String> keys, long limitNanos) {
        long deadline = sim.nowNanos() + limitNanos;
        while (sim.nowNanos() < deadline) {
            if (keys.stream().allMatch(this::everywhere)) {
                return true;
            }
            advance(STEP_NANOS);
        }
        return keys.stream().allMatch(this::everywhere);
    }

    private double zonesKnown() {
        if (!config.zoneAware()) {
            return 0;
        }
        int knowing = 0;
        for (int i = 0; i < config.nodes(); i++) {
            if (sim.node(i).zoneLinks().size() == config.zones()) {
                knowing++;
            }
        }
        return (double) knowing / config.nodes();
    }

    private ZoneResult.Cut cut() {
        int zone = config.zones() - 1;
        int[] sides = new int[config.nodes()];
        for (int i = 0; i < sides.length; i++) {
            sides[i] = inZone(i, zone) ? 1 : 0;
        }
        verdicts.counting(false);
        sim.network().partition(sides);
        double cutAt = seconds(sim.nowNanos());
        advance(config.cutNanos() / 2);
        List<String> keys = new ArrayList<>();
        int insideBase = zone * config.perZone();
        keys.add(write(PREFIX + "cut-inside", insideBase + sim.scenarioRandom().nextInt(config.perZone())));
        keys.add(write(PREFIX + "cut-outside", sim.scenarioRandom().nextInt(insideBase)));
        advance(config.cutNanos() - config.cutNanos() / 2);
        double[] outside = beliefs(zone, false);
        double[] inside = beliefs(zone, true);
        sim.network().heal();
        long healedAt = sim.nowNanos();
        double healAt = seconds(healedAt);
        long allWrites = -1;
        long remerged = -1;
        while (sim.nowNanos() - healedAt < config.healLimitNanos() && (allWrites < 0 || remerged < 0)) {
            advance(STEP_NANOS);
            if (allWrites < 0 && keys.stream().allMatch(this::everywhere)) {
                allWrites = (sim.nowNanos() - healedAt) / 1_000_000L;
            }
            if (remerged < 0 && everyoneSeesEveryoneLive() && everyoneSeesEveryoneAlive()) {
                remerged = (sim.nowNanos() - healedAt) / 1_000_000L;
            }
        }
        verdicts.counting(true);
        int lost = (int) keys.stream().filter(key -> !everywhere(key)).count();
        return new ZoneResult.Cut(zone, config.cutNanos() / 1_000_000L, outside, inside, keys.size(), lost, allWrites,
                remerged, remerged >= 0, cutAt, healAt);
    }

    private boolean inZone(int node, int zone) {
        return node / config.perZone() == zone;
    }

    /** Mean numbers of the other side's members held ALIVE, SUSPECT and DEAD by the nodes of one side. */
    private double[] beliefs(int zone, boolean inside) {
        double[] sums = new double[3];
        int observers = 0;
        for (int i = 0; i < config.nodes(); i++) {
            if (inZone(i, zone) != inside) {
                continue;
            }
            observers++;
            Node node = sim.node(i);
            for (int j = 0; j < config.nodes(); j++) {
                if (inZone(j, zone) == inside) {
                    continue;
                }
                MemberStatus status = node.member(sim.name(j)).map(Member::status).orElse(MemberStatus.DEAD);
                switch (status) {
                    case ALIVE -> sums[0]++;
                    case SUSPECT -> sums[1]++;
                    case DEAD, LEFT -> sums[2]++;
                    default -> throw new IllegalStateException("unhandled " + status);
                }
            }
        }
        for (int k = 0; k < 3; k++) {
            sums[k] /= Math.max(1, observers);
        }
        return sums;
    }

    private boolean everyoneSeesEveryoneLive() {
        for (int i = 0; i < config.nodes(); i++) {
            if (sim.node(i).liveMemberCount() != config.nodes()) {
                return false;
            }
        }
        return true;
    }

    private boolean everyoneSeesEveryoneAlive() {
        for (int i = 0; i < config.nodes(); i++) {
            for (Member member : sim.node(i).members()) {
                if (member.status() != MemberStatus.ALIVE) {
                    return false;
                }
            }
        }
        return true;
    }
}
