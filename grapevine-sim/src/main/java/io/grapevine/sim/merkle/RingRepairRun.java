package io.grapevine.sim.merkle;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.keyspace.HybridClock;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.keyspace.MemoryKeyStore;
import io.grapevine.core.keyspace.PairRepair;
import io.grapevine.core.ring.HashRing;
import io.grapevine.core.ring.RingWalk;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code grapevine sim ring-repair}: InfluxDB's closed-loop repair against random-peer Merkle
 * anti-entropy on the same data. N nodes on the core's hash ring ({@code 2^4} ranges, rf
 * replicas each) hold K keys, each write having missed each of its replicas with probability
 * {@code miss} (but reached at least one: it was acknowledged); then repair runs until every
 * replica of every range is identical, every repair message lost with probability
 * {@code loss}. Both use the core's Merkle repair steps ({@link PairRepair}); the ring repair
 * walks each range's replicas with {@link RingWalk}, starting at a random replica; the
 * successor checks each hand-over (equal roots) and a hop that losses left unequal is retried
 * (up to three times), and a range that still differs after its walk walks again. Deterministic: the seed fixes data, starts and losses.
 */
public final class RingRepairRun {
    private static final int PARTITION_BITS = 4;
    private static final long MILLIS = 1_700_000_000_000L;
    private static final int MAX_ROUNDS = 10_000;

    private RingRepairRun() {
    }

    /** The whole comparison: the ring repair (with and without a node down) and {@code seeds} random runs. */
    public static RingRepairResult run(int nodes, int rf, int keys, double miss, double loss, int seeds, long seed) {
        if (nodes < 2 || rf < 2 || rf > nodes || keys < 1 || loss < 0 || loss >= 1 || miss < 0 || miss >= 1
                || seeds < 1) {
            throw new IllegalArgumentException("need nodes >= 2, 2 <= rf <= nodes, keys >= 1, 0 <= miss, loss < 1, "
                    + "seeds >= 1: " + nodes + ", " + rf + ", " + keys + ", " + miss + ", " + loss + ", " + seeds);
        }
        int[] ringRounds = new int[seeds];
        long[] ringBytes = new long[seeds];
        int[] downRounds = new int[seeds];
        long[] downBytes = new long[seeds];
        int skipped = 0;
        List<Long> firstPerRound = new ArrayList<>();
        List<Long> scratch = new ArrayList<>();
        int[] rounds = new int[seeds];
        long[] bytes = new long[seeds];
        for (int s = 0; s < seeds; s++) {
            long[] ring = ring(nodes, rf, keys, miss, loss, seed, seed + s, -1, s == 0 ? firstPerRound : scratch);
            ringRounds[s] = (int) ring[0];
            ringBytes[s] = ring[1];
            long[] down = ring(nodes, rf, keys, miss, loss, seed, seed + s, nodes / 2, scratch);
            downRounds[s] = (int) down[0];
            downBytes[s] = down[1];
            skipped = (int) down[2];
            long[] random = random(nodes, rf, keys, miss, loss, seed, seed + s);
            rounds[s] = (int) random[0];
            bytes[s] = random[1];
        }
        return new RingRepairResult(nodes, rf, keys, miss, loss, seeds, RingWalk.from(names(rf), 0).steps(),
                new Rounds(ringRounds, ringBytes), new Rounds(downRounds, downBytes), skipped,
                new Rounds(rounds, bytes), firstPerRound);
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("n" + i);
        }
        return names;
    }

    private static KeyspaceConfig config(int rf, int keys) {
        return KeyspaceConfig.defaults().withPartitionBits(PARTITION_BITS).withReplicationFactor(rf)
                .withMaxKeys(keys + 1);
    }

    /** The cluster after the lossy writes: each node's keyspace, and the ring. */
    private static final class Cluster {
        final Map<String, Keyspace> replicas;
        final HashRing ring;

        Cluster(Map<String, Keyspace> replicas, HashRing ring) {
            this.replicas = replicas;
            this.ring = ring;
        }

        static Cluster written(int nodes, int rf, int keys, double miss, long seed) {
            KeyspaceConfig config = config(rf, keys);
            HashRing ring = HashRing.of(names(nodes), config.virtualNodes(), PARTITION_BITS, rf);
            Map<String, Keyspace> replicas = new TreeMap<>();
            for (String name : ring.members()) {
                replicas.put(name, new Keyspace(config, new MemoryKeyStore()));
            }
            SplitMix64 random = new SplitMix64(seed);
            for (int k = 0; k < keys; k++) {
                String key = "key-" + k;
                SharedEntry entry = new SharedEntry(key, Bytes.copyOf(("v" + k).getBytes()),
                        HybridClock.ofMillis(MILLIS) + k, "n" + (k % nodes), false);
                List<String> owners = ring.replicas(ring.partitionOf(Keyspace.hashOf(key)));
                int sure = random.nextInt(owners.size());
                for (int i = 0; i < owners.size(); i++) {
                    if (i == sure || random.nextDouble() >= miss) {
                        replicas.get(owners.get(i)).apply(entry, MILLIS);
                    }
                }
            }
            return new Cluster(replicas, ring);
        }

        boolean identical(int partition, String down) {
            Long root = null;
            for (String replica : ring.replicas(partition)) {
                if (replica.equals(down)) {
                    continue;
                }
                long mine = replicas.get(replica).tree(partition).root();
                if (root != null && root != mine) {
                    return false;
                }
                root = mine;
            }
            return true;
        }

        boolean allIdentical(String down) {
            for (int p = 0; p < ring.partitions(); p++) {
                if (!identical(p, down)) {
                    return false;
                }
            }
            return true;
        }

        /** Entries that won somewhere through repair so far. */
        long applied;

        /** One pair repair of {@code partitions} over the lossy link; returns the bytes sent. */
        long repair(String a, String b, List<Integer> partitions, double loss, SplitMix64 random) {
            long[] bytes = {0};
            applied += PairRepair.run(replicas.get(a), replicas.get(b), partitions, MILLIS + 1,
                    m -> bytes[0] += WireCodec.encodeFrame(m).length, m -> random.nextDouble() >= loss).applied();
            return bytes[0];
        }
    }

    /**
     * The ring repair: every range walks its live replicas from a random one, one hop per
     * round for all ranges at once, and walks again while it differs. Returns rounds, bytes and
     * replica slots skipped because node {@code downIndex} (or none, -1) was down.
     */
    private static long[] ring(int nodes, int rf, int keys, double miss, double loss, long dataSeed, long seed,
                               int downIndex, List<Long> perRound) {
        Cluster cluster = Cluster.written(nodes, rf, keys, miss, dataSeed);
        String down = downIndex < 0 ? "" : "n" + downIndex;
        SplitMix64 random = new SplitMix64(seed ^ 0x5deece66dL);
        int partitions = cluster.ring.partitions();
        RingWalk[] walks = new RingWalk[partitions];
        int[] step = new int[partitions];
        int[] retries = new int[partitions];
        long skipped = 0;
        for (int p = 0; p < partitions; p++) {
            List<String> live = new ArrayList<>(cluster.ring.replicas(p));
            skipped += live.remove(down) ? 1 : 0;
            walks[p] = live.size() < 2 ? null : RingWalk.from(live, random.nextInt(live.size()));
        }
        long bytes = 0;
        int rounds = 0;
        perRound.clear();
        while (!cluster.allIdentical(down) && rounds < MAX_ROUNDS) {
            rounds++;
            long before = cluster.applied;
            for (int p = 0; p < partitions; p++) {
                if (walks[p] == null) {
                    continue;
                }
                if (step[p] >= walks[p].steps()) {
                    if (cluster.identical(p, down)) {
                        continue;
                    }
                    step[p] = 0; // walk again: losses left it different
                }
                String from = walks[p].from(step[p]);
                String to = walks[p].to(step[p]);
                bytes += cluster.repair(from, to, List.of(p), loss, random);
                // the successor checks the hand-over: a hop that losses left unequal is retried (up to 3 times)
                boolean equal = cluster.replicas.get(from).tree(p).root() == cluster.replicas.get(to).tree(p).root();
                if (equal || retries[p] >= 3) {
                    step[p]++;
                    retries[p] = 0;
                } else {
                    retries[p]++;
                }
            }
            perRound.add(cluster.applied - before);
        }
        return new long[] {rounds, bytes, skipped};
    }

    /** Random-peer anti-entropy: each round every node repairs every range it shares with one random co-replica. */
    private static long[] random(int nodes, int rf, int keys, double miss, double loss, long dataSeed, long seed) {
        Cluster cluster = Cluster.written(nodes, rf, keys, miss, dataSeed);
        SplitMix64 random = new SplitMix64(seed * 0x9E3779B97F4A7C15L + 1);
        Map<String, Map<String, List<Integer>>> shared = new TreeMap<>();
        for (int p = 0; p < cluster.ring.partitions(); p++) {
            for (String a : cluster.ring.replicas(p)) {
                for (String b : cluster.ring.replicas(p)) {
                    if (!a.equals(b)) {
                        shared.computeIfAbsent(a, k -> new TreeMap<>()).computeIfAbsent(b, k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
        long bytes = 0;
        int rounds = 0;
        while (!cluster.allIdentical("") && rounds < MAX_ROUNDS) {
            rounds++;
            for (Map.Entry<String, Map<String, List<Integer>>> node : shared.entrySet()) {
                List<String> peers = new ArrayList<>(node.getValue().keySet());
                String peer = peers.get(random.nextInt(peers.size()));
                bytes += cluster.repair(node.getKey(), peer, node.getValue().get(peer), loss, random);
            }
        }
        return new long[] {rounds, bytes};
    }

    /**
     * The command line: {@code --nodes N --rf R --keys K --loss P [--miss M] [--seeds S]
     * [--seed X] [--format json|text]}; returns the exit code (2 with a message naming the flag on bad usage).
     */
    public static int cli(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        int nodes = 16;
        int rf = 3;
        int keys = 10_000;
        double loss = 0.1;
        double miss = 0.2;
        int seeds = 20;
        long seed = 1;
        String format = "json";
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    out.println("Usage: grapevine sim ring-repair --nodes N --rf R --keys K --loss P [--miss M]"
                            + " [--seeds S] [--seed X] [--format json|text]");
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--nodes" -> nodes = intFlag(flag, value);
                    case "--rf" -> rf = intFlag(flag, value);
                    case "--keys" -> keys = intFlag(flag, value.replace(",", "").replace("_", ""));
                    case "--loss" -> loss = doubleFlag(flag, value);
                    case "--miss" -> miss = doubleFlag(flag, value);
                    case "--seeds" -> seeds = intFlag(flag, value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--format" -> format = value;
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (!format.equals("json") && !format.equals("text")) {
                throw new IllegalArgumentException("--format must be json or text: " + format);
            }
            RingRepairResult result = run(nodes, rf, keys, miss, loss, seeds, seed);
            out.println(format.equals("json") ? result.toJson() : result.toText());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("grapevine sim ring-repair: " + e.getMessage());
            return 2;
        }
    }

    /** Runs {@link #cli} on the process's arguments and exits with its code. */
    public static void main(String[] args) {
        System.exit(cli(args, System.out, System.err));
    }

    private static int intFlag(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number: " + value);
        }
    }

    private static double doubleFlag(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number: " + value);
        }
    }
}
