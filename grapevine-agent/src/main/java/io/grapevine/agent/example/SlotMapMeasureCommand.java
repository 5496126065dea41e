package io.grapevine.agent.example;

import io.grapevine.core.CoreConfig;
import io.grapevine.services.slotmap.SlotMapConfig;
import io.grapevine.services.slotmap.SlotRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example slot-map measure}: how long a slot move takes to reach every node's
 * view, and a failover (owner killed until its replica serves the slots in every node's view),
 * on Grapevine (N in-JVM nodes on loopback, {@code CoreConfig.fast()}, Redis's failover delays)
 * and on Redis 7 (N {@code redis-server} processes, {@code cluster-node-timeout}), with the same
 * polling loop ({@link Poll}: every node's view read every {@code --poll-ms}). The method and the
 * figures are in docs/SLOT-MAP.md. Exit 0, 1 if a step times out or Redis fails, 2 on a bad flag.
 */
@Command(name = "measure", description = "Time slot moves and failovers on Grapevine beside Redis 7 (docs/SLOT-MAP.md).")
public final class SlotMapMeasureCommand implements Callable<Integer> {
    private static final long MS = 1_000_000L;
    private static final long STEP_TIMEOUT_MS = 60_000;
    /** Unrecorded moves first on each side (the JVM's JIT, Redis's connections): 3. */
    private static final int WARMUP_MOVES = 3;

    @Option(names = "--nodes", split = ",", defaultValue = "8", description = "cluster sizes, 4..64, comma-separated "
            + "(default ${DEFAULT-VALUE}); half are masters, half replicas")
    private List<Integer> sizes;

    @Option(names = "--runs", defaultValue = "5", description = "runs of each measurement, 1..50 (default ${DEFAULT-VALUE})")
    private int runs;

    @Option(names = "--peer", defaultValue = "redis", description = "redis or none (default ${DEFAULT-VALUE})")
    private String peer;

    @Option(names = "--what", defaultValue = "both", description = "move, failover or both (default ${DEFAULT-VALUE})")
    private String what;

    @Option(names = "--poll-ms", defaultValue = "10", description = "poll interval, 1..1000 ms (default ${DEFAULT-VALUE})")
    private int pollMs;

    @Option(names = "--node-timeout-ms", defaultValue = "1000", description = "Redis's cluster-node-timeout and the "
            + "slot map's nodeTimeout, 100..60000 ms (default ${DEFAULT-VALUE})")
    private int nodeTimeoutMs;

    @Spec
    private CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() {
        validate();
        out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "# slot-map measure: sizes %s, runs %d, poll %d ms, node timeout %d ms, peer %s%n",
                sizes, runs, pollMs, nodeTimeoutMs, peer);
        try {
            for (int n : sizes) {
                if (!what.equals("failover")) {
                    report("grapevine", "move", n, grapevineMoves(n));
                    if (peer.equals("redis")) {
                        report("redis", "move", n, redisMoves(n));
                    }
                }
                if (!what.equals("move")) {
                    report("grapevine", "failover", n, grapevineFailovers(n));
                    if (peer.equals("redis")) {
                        report("redis", "failover", n, redisFailovers(n));
                    }
                }
            }
            return 0;
        } catch (IOException | IllegalStateException e) {
            out.println("measure failed: " + e.getMessage());
            out.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private SlotMapLab grapevine(int n) {
        SlotMapConfig config = SlotMapConfig.defaults().withNodeTimeoutNanos(nodeTimeoutMs * MS);
        SlotMapLab lab = SlotMapLab.start(n, n / 2, CoreConfig.fast(), config, 120);
        lab.assignAndReplicate();
        if (Poll.until(lab::settled, System.nanoTime(), pollMs, STEP_TIMEOUT_MS) < 0) {
            lab.close();
            throw new IllegalStateException("grapevine N=" + n + ": the assignment did not settle");
        }
        return lab;
    }

    private List<long[]> grapevineMoves(int n) {
        List<long[]> results = new ArrayList<>();
        try (SlotMapLab lab = grapevine(n)) {
            int masters = lab.masters();
            for (int r = -WARMUP_MOVES; r < runs; r++) {
                int from = Math.floorMod(r, masters);
                int to = (from + 1) % masters;
                int slot = SlotMapLab.shareOf(from, masters).first() + WARMUP_MOVES + r;
                String target = lab.name(to);
                long start = System.nanoTime();
                lab.call(to, (map, ctx) -> map.claim(List.of(SlotRange.of(slot)), ctx));
                long took = Poll.until(() -> lab.allSee(slot, target), start, pollMs, STEP_TIMEOUT_MS);
                if (r >= 0) {
                    results.add(new long[] {took});
                }
            }
        }
        return results;
    }

    private List<long[]> grapevineFailovers(int n) {
        List<long[]> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            try (SlotMapLab lab = grapevine(n)) {
                String victim = lab.name(0);
                String replica = lab.name(lab.masters()); // replicates node-0
                long start = System.nanoTime();
                lab.kill(0);
                results.add(twoPhase(start, () -> allUp(lab.size(), lab::isUp, i -> lab.view(i).isFailed(victim)),
                        () -> lab.allSee(0, replica)));
            }
        }
        return results;
    }

    private List<long[]> redisMoves(int n) throws IOException, InterruptedException {
        List<long[]> results = new ArrayList<>();
        try (RedisLab lab = RedisLab.start(n, 1, nodeTimeoutMs)) {
            List<RedisLab.RedisNode> masters = new ArrayList<>();
            for (RedisLab.RedisNode node : lab.nodes(0).values()) {
                if (node.master() && !node.ranges().isEmpty()) {
                    masters.add(node);
                }
            }
            masters.sort((a, b) -> Integer.compare(a.ranges().get(0)[0], b.ranges().get(0)[0]));
            for (int r = -WARMUP_MOVES; r < runs; r++) {
                RedisLab.RedisNode source = masters.get(Math.floorMod(r, masters.size()));
                RedisLab.RedisNode target = masters.get(Math.floorMod(r + 1, masters.size()));
                int slot = source.ranges().get(0)[0] + WARMUP_MOVES + r;
                int s = lab.indexOfPort(source.port());
                int t = lab.indexOfPort(target.port());
                String slotText = Integer.toString(slot);
                lab.command(t, "CLUSTER", "SETSLOT", slotText, "IMPORTING", source.id());
                lab.command(s, "CLUSTER", "SETSLOT", slotText, "MIGRATING", target.id());
                long start = System.nanoTime();
                lab.command(t, "CLUSTER", "SETSLOT", slotText, "NODE", target.id());
                lab.command(s, "CLUSTER", "SETSLOT", slotText, "NODE", target.id());
                long took = Poll.until(() -> allUp(lab.size(), lab::isUp,
                        i -> redisNode(lab, i, target.id()).owns(slot)), start, pollMs, STEP_TIMEOUT_MS);
                if (r >= 0) {
                    results.add(new long[] {took});
                }
            }
        }
        return results;
    }

    private List<long[]> redisFailovers(int n) throws IOException, InterruptedException {
        List<long[]> results = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            try (RedisLab lab = RedisLab.start(n, 1, nodeTimeoutMs)) {
                RedisLab.RedisNode[] pair = new RedisLab.RedisNode[2];
                // redis-cli's create returns before every node has heard of every replica: wait for node 0 to
                Poll.until(() -> ownerAndReplica(lab, pair), System.nanoTime(), pollMs, STEP_TIMEOUT_MS);
                RedisLab.RedisNode victim = pair[0];
                RedisLab.RedisNode replica = pair[1];
                if (victim == null || replica == null) {
                    throw new IllegalStateException("redis N=" + n + ": no owner of slot 0 with a replica");
                }
                String victimId = victim.id();
                String replicaId = replica.id();
                long start = System.nanoTime();
                lab.kill(lab.indexOfPort(victim.port()));
                results.add(twoPhase(start, () -> allUp(lab.size(), lab::isUp, i -> redisNode(lab, i, victimId).failed()),
                        () -> allUp(lab.size(), lab::isUp, i -> {
                            RedisLab.RedisNode node = redisNode(lab, i, replicaId);
                            return node.master() && node.owns(0);
                        })));
            }
        }
        return results;
    }

    /** Finds the owner of slot 0 and a replica of it in node 0's view; false if not both yet. */
    private static boolean ownerAndReplica(RedisLab lab, RedisLab.RedisNode[] pair) {
        try {
            java.util.Map<String, RedisLab.RedisNode> nodes = lab.nodes(0);
            pair[0] = null;
            pair[1] = null;
            for (RedisLab.RedisNode node : nodes.values()) {
                if (node.owns(0)) {
                    pair[0] = node;
                }
            }
            for (RedisLab.RedisNode node : nodes.values()) {
                if (pair[0] != null && node.masterId().equals(pair[0].id())) {
                    pair[1] = node;
                }
            }
            return pair[0] != null && pair[1] != null;
        } catch (IOException e) {
            throw new IllegalStateException("redis node 0: " + e.getMessage(), e);
        }
    }

    private static RedisLab.RedisNode redisNode(RedisLab lab, int i, String id) {
        try {
            RedisLab.RedisNode node = lab.nodes(i).get(id);
            if (node == null) {
                throw new IllegalStateException("redis node " + i + " does not know " + id);
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("redis node " + i + ": " + e.getMessage(), e);
        }
    }

    private static boolean allUp(int size, java.util.function.IntPredicate isUp, java.util.function.IntPredicate check) {
        for (int i = 0; i < size; i++) {
            if (isUp.test(i) && !check.test(i)) {
                return false;
            }
        }
        return true;
    }

    /** One polling loop timing two conditions: when each first held in every view ({-1} if never). */
    private long[] twoPhase(long start, java.util.function.BooleanSupplier marked, java.util.function.BooleanSupplier served) {
        long[] times = {-1, -1};
        Poll.until(() -> {
            if (times[0] < 0 && marked.getAsBoolean()) {
                times[0] = System.nanoTime() - start;
            }
            if (times[1] < 0 && served.getAsBoolean()) {
                times[1] = System.nanoTime() - start;
            }
            return times[0] >= 0 && times[1] >= 0;
        }, start, pollMs, STEP_TIMEOUT_MS);
        return times;
    }

    private void report(String side, String kind, int n, List<long[]> results) {
        int columns = results.isEmpty() ? 0 : results.get(0).length;
        for (int c = 0; c < columns; c++) {
            List<Long> values = new ArrayList<>();
            StringBuilder each = new StringBuilder();
            for (long[] r : results) {
                values.add(r[c]);
                each.append(r[c] < 0 ? " timeout" : String.format(Locale.ROOT, " %.3f", r[c] / 1e9));
            }
            values.sort(Long::compare);
            long median = values.get(values.size() / 2);
            String label = kind.equals("move") ? "move reached every node"
                    : c == 0 ? "failover: FAIL in every view" : "failover: replica serves the slots in every view";
            out.printf(Locale.ROOT, "%-9s N=%-3d %-48s median %s s; runs:%s%n", side, n, label,
                    median < 0 ? "timeout" : String.format(Locale.ROOT, "%.3f", median / 1e9), each);
            out.flush();
        }
    }

    private void validate() {
        for (int n : sizes) {
            if (n < 4 || n > 64) {
                throw bad("--nodes", "each size must be in 4..64: " + n);
            }
        }
        if (runs < 1 || runs > 50) {
            throw bad("--runs", "must be in 1..50: " + runs);
        }
        if (!peer.equals("redis") && !peer.equals("none")) {
            throw bad("--peer", "must be redis or none: " + peer);
        }
        if (!what.equals("move") && !what.equals("failover") && !what.equals("both")) {
            throw bad("--what", "must be move, failover or both: " + what);
        }
        if (pollMs < 1 || pollMs > 1000) {
            throw bad("--poll-ms", "must be in 1..1000: " + pollMs);
        }
        if (nodeTimeoutMs < 100 || nodeTimeoutMs > 60_000) {
            throw bad("--node-timeout-ms", "must be in 100..60000: " + nodeTimeoutMs);
        }
    }

    private ParameterException bad(String flag, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for " + flag + ": " + problem);
    }
}
