package io.grapevine.sim.reconcile;

import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.state.DeltaPolicy;
import io.grapevine.core.base.KeyPriority;
import java.util.Locale;

/**
 * Runs one reconciliation experiment. Rounds are sequential: in each round the workload writes
 * first, then every node, in an order shuffled per round, runs one complete push-pull exchange
 * (SYN, ACK, ACK2) with a peer drawn uniformly from the others; an exchange sees the effects of
 * the exchanges before it. Nothing is lost. Virtual time is one second per round.
 */
public final class ReconcileSimulation {
    /** The MTU a message is compared with for {@link ReconcileResult#messagesOverMtu()}. */
    public static final int MTU_BYTES = 1_400;
    /** The quiet node's key in the starvation workload; node {@code heavyWriters} writes it. */
    public static final String QUIET_KEY = "quiet";
    private static final long ROUND_NANOS = 1_000_000_000L;

    private ReconcileSimulation() {
    }

    /**
     * One run of {@code config} under {@code policy}; {@code quietClass} is the class of the
     * quiet key (starvation) and is ignored by the load workload.
     */
    public static ReconcileResult run(ReconcileConfig config, ReconcilePolicy policy, KeyPriority quietClass,
                                      long seed) {
        SplitMix64 root = new SplitMix64(seed);
        SplitMix64 values = root.split();
        SplitMix64 peers = root.split();
        int n = config.nodes();
        Replicas replicas = replicas(config, policy, new Identities(n), root.split());
        Traffic traffic = new Traffic(n, MTU_BYTES);
        boolean starvation = config.workload() == ReconcileWorkload.STARVATION;
        if (!starvation) {
            writeLoad(config, replicas, values);
        }
        int[] order = identity(n);
        int[] reachedRound = new int[n];
        long quietVersion = 0;
        int round = 0;
        boolean done = false;
        while (!done && round < config.maxRounds()) {
            round++;
            long now = round * ROUND_NANOS;
            if (starvation) {
                quietVersion = writeRound(config, replicas, values, round, quietClass, now, quietVersion);
            }
            shuffle(order, peers);
            for (int node : order) {
                int peer = peers.nextInt(n - 1);
                replicas.exchange(node, peer >= node ? peer + 1 : peer, now, traffic);
            }
            if (!starvation) {
                done = replicas.converged();
            } else if (round >= config.quietRound()) {
                done = recordQuiet(config, replicas, quietVersion, round, reachedRound);
            }
        }
        return result(config, policy, starvation ? quietClass : config.keyClass(), seed, round, done, traffic,
                starvation ? reachedRound : null);
    }

    /** The load workload: every node writes its keys at time 0. */
    private static void writeLoad(ReconcileConfig config, Replicas replicas, SplitMix64 values) {
        for (int node = 0; node < config.nodes(); node++) {
            for (int k = 0; k < config.keys(); k++) {
                replicas.write(node, String.format(Locale.ROOT, "k%05d", k), value(config, values), config.keyClass(), 0);
            }
        }
    }

    /** The starvation workload's writes at the start of {@code round}; returns the quiet key's version (0 before). */
    private static long writeRound(ReconcileConfig config, Replicas replicas, SplitMix64 values, int round,
                                   KeyPriority quietClass, long now, long quietVersion) {
        for (int w = 0; w < config.heavyWritesPerRound(); w++) {
            long write = (long) (round - 1) * config.heavyWritesPerRound() + w;
            String key = String.format(Locale.ROOT, "h%05d", write % config.heavyKeys());
            for (int writer = 0; writer < config.heavyWriters(); writer++) {
                replicas.write(writer, key, value(config, values), config.heavyClass(), now);
            }
        }
        if (round == config.quietRound()) {
            return replicas.write(config.heavyWriters(), QUIET_KEY, value(config, values), quietClass, now);
        }
        return quietVersion;
    }

    /** Notes which nodes hold the quiet key after {@code round}; returns whether all do. */
    private static boolean recordQuiet(ReconcileConfig config, Replicas replicas, long quietVersion, int round,
                                       int[] reachedRound) {
        boolean all = true;
        for (int node = 0; node < reachedRound.length; node++) {
            if (reachedRound[node] == 0 && replicas.holds(node, config.heavyWriters(), QUIET_KEY, quietVersion)) {
                reachedRound[node] = round;
            }
            all &= reachedRound[node] != 0;
        }
        return all;
    }

    private static Replicas replicas(ReconcileConfig config, ReconcilePolicy policy, Identities ids,
                                     SplitMix64 random) {
        return switch (policy) {
            case BREADTH_FIRST -> new ScuttlebuttReplicas(ids, DeltaPolicy.BREADTH_FIRST, config.budgetBytes(), random);
            case DEPTH_FIRST -> new ScuttlebuttReplicas(ids, DeltaPolicy.DEPTH_FIRST, config.budgetBytes(), random);
            case PRECISE -> new PreciseReplicas(ids, config.budgetBytes(), random);
        };
    }

    private static ReconcileResult result(ReconcileConfig config, ReconcilePolicy policy, KeyPriority quietClass,
                                          long seed, int rounds, boolean finished, Traffic traffic,
                                          int[] reachedRound) {
        double worst = Double.NaN;
        double mean = Double.NaN;
        int reached = 0;
        if (reachedRound != null) {
            long sum = 0;
            int max = 0;
            for (int node = 0; node < reachedRound.length; node++) {
                if (reachedRound[node] != 0) {
                    reached++;
                    if (node != config.heavyWriters()) {
                        int staleness = reachedRound[node] - config.quietRound() + 1;
                        sum += staleness;
                        max = Math.max(max, staleness);
                    }
                }
            }
            if (finished) {
                worst = max;
                mean = sum / (double) (reachedRound.length - 1);
            }
        }
        return new ReconcileResult(policy, config.workload(), quietClass, seed, config.nodes(), rounds, finished,
                traffic.messages, traffic.headerBytes, traffic.digestBytes, traffic.deltaBytes, traffic.entries,
                traffic.largestMessageBytes, traffic.messagesOverMtu, traffic.maxSentByNode(), worst, mean, reached);
    }

    private static byte[] value(ReconcileConfig config, SplitMix64 random) {
        byte[] value = new byte[config.valueBytes()];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) random.nextLong();
        }
        return value;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, SplitMix64 random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
