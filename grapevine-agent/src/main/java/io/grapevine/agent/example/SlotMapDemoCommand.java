package io.grapevine.agent.example;

import io.grapevine.core.CoreConfig;
import io.grapevine.services.slotmap.ClusterNodeInfo;
import io.grapevine.services.slotmap.KeySlot;
import io.grapevine.services.slotmap.SlotMapConfig;
import io.grapevine.services.slotmap.SlotMapView;
import io.grapevine.services.slotmap.SlotRouter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine example slot-map demo}: a narrated run on loopback. N in-JVM nodes join one
 * through another, masters take the slots, replicas are declared, a key's slot moves (the client
 * cache takes a MOVED), replicas' offsets advance, the owner of slot 0 is killed and its most
 * up-to-date replica takes over; each step prints how long it took to reach every node's view.
 * Core timings: {@code CoreConfig.fast()}; slot-map timings: Redis's defaults. Exit 0 when the
 * story completes, 1 if a step times out, 2 on a bad flag.
 */
@Command(name = "demo", description = "A narrated slot-map run on loopback: assign, move, replicas, kill an owner, failover.")
public final class SlotMapDemoCommand implements Callable<Integer> {
    private static final long STEP_TIMEOUT_MS = 30_000;

    @Option(names = "--nodes", defaultValue = "6", description = "nodes to start, 3..64 (default ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--replicas", defaultValue = "1", description = "replicas per master, 0..8 (default ${DEFAULT-VALUE}); "
            + "masters = nodes / (replicas + 1), at least 3")
    private int replicas;

    @Option(names = "--poll-ms", defaultValue = "10", description = "how often every view is read, 1..1000 ms (default ${DEFAULT-VALUE})")
    private int pollMs;

    @Spec
    private CommandSpec spec;

    private PrintWriter out;
    private long origin;

    @Override
    public Integer call() {
        validate();
        out = spec.commandLine().getOut();
        origin = System.nanoTime();
        int masters = nodes / (replicas + 1);
        say("starting %d nodes on 127.0.0.1 (CoreConfig.fast(), slot-map timings as Redis's defaults); node i "
                + "joins through node i-1: Redis's MEET is simply a join through any member", nodes);
        try (SlotMapLab lab = SlotMapLab.start(nodes, masters, CoreConfig.fast(), SlotMapConfig.defaults(), 60)) {
            say("all %d nodes see each other", nodes);
            return story(lab, masters) ? 0 : 1;
        } catch (IllegalStateException e) {
            say("the demo failed: %s", e.getMessage());
            return 1;
        }
    }

    private boolean story(SlotMapLab lab, int masters) {
        lab.assignAndReplicate();
        long settled = Poll.until(lab::settled, System.nanoTime(), pollMs, STEP_TIMEOUT_MS);
        if (settled < 0) {
            say("the assignment did not reach every node in %d s", STEP_TIMEOUT_MS / 1000);
            return false;
        }
        say("%d masters took the 16384 slots and %d nodes replicate them; every view agrees after %d ms:",
                masters, nodes - masters, settled / 1_000_000);
        printView(lab.view(nodes - 1), "node-" + (nodes - 1));
        if (!move(lab, masters)) {
            return false;
        }
        for (int r = masters; r < nodes; r++) {
            long offset = 1000L * (r - masters + 1);
            lab.call(r, (map, ctx) -> map.setReplicationOffset(offset, ctx));
        }
        say("each replica's replication offset advances as writes are \"replicated\" (setReplicationOffset; a higher offset ranks first in an election)");
        return failover(lab);
    }

    private boolean move(SlotMapLab lab, int masters) {
        String key = "foo";
        int slot = KeySlot.of(key);
        SlotMapView before = lab.view(0);
        SlotRouter router = new SlotRouter(before);
        String from = before.owner(slot).orElseThrow();
        String to = lab.name((Integer.parseInt(from.substring(5)) + 1) % masters);
        say("moving slot %d (key \"%s\") from %s to %s: %s claims it with a bumped epoch", slot, key, from, to, to);
        long start = System.nanoTime();
        lab.call(Integer.parseInt(to.substring(5)), (map, ctx) -> map.claim(java.util.List.of(
                io.grapevine.services.slotmap.SlotRange.of(slot)), ctx));
        long took = Poll.until(() -> lab.allSee(slot, to), start, pollMs, STEP_TIMEOUT_MS);
        if (took < 0) {
            say("the move did not reach every node in %d s", STEP_TIMEOUT_MS / 1000);
            return false;
        }
        say("every node's view has slot %d on %s after %d ms (epoch %d)", slot, to, took / 1_000_000,
                lab.view(0).node(to).map(ClusterNodeInfo::configEpoch).orElse(0L));
        say("a client with the old cache sends \"%s\" to %s, gets MOVED %d %s, and updates: now routes to %s",
                key, router.route(key).orElse("?"), slot, to, fixed(router, slot, to, key));
        return true;
    }

    private static String fixed(SlotRouter router, int slot, String to, String key) {
        router.moved(slot, to);
        return router.route(key).orElse("?");
    }

    private boolean failover(SlotMapLab lab) {
        String victim = lab.view(0).owner(0).orElseThrow();
        int index = Integer.parseInt(victim.substring(5));
        say("killing %s, the owner of slot 0 (Cluster.close(): no leave as far as the slot map is concerned)", victim);
        long start = System.nanoTime();
        lab.kill(index);
        int witness = index == 0 ? 1 : 0;
        long took = Poll.until(() -> {
            Optional<String> owner = lab.view(witness).owner(0);
            return owner.isPresent() && !owner.get().equals(victim) && lab.allSee(0, owner.get());
        }, start, pollMs, STEP_TIMEOUT_MS);
        if (took < 0) {
            say("no replica took over in every view within %d s%s", STEP_TIMEOUT_MS / 1000,
                    replicas == 0 ? " (there are no replicas: --replicas 0)" : "");
            return replicas == 0;
        }
        String successor = lab.view(witness).owner(0).orElseThrow();
        say("%s is FAIL and %s serves its slots in every node's view after %s (%d ms)", victim, successor,
                String.format(Locale.ROOT, "%.2f s", took / 1e9), took / 1_000_000);
        for (int i = 0; i < lab.size(); i++) {
            if (lab.isUp(i)) {
                printView(lab.view(i), lab.name(i));
            }
        }
        return true;
    }

    private void printView(SlotMapView view, String viewer) {
        StringJoiner line = new StringJoiner("; ");
        for (ClusterNodeInfo info : view.nodes().values()) {
            line.add(info.name() + (info.failed() ? " FAIL" : "") + (info.isReplica() ? " ->" + info.master().get()
                    : " e" + info.configEpoch() + " " + info.ranges()));
        }
        out.printf(Locale.ROOT, "    %s sees: %s%n", viewer, line);
        out.flush();
    }

    private void say(String format, Object... args) {
        out.printf(Locale.ROOT, "[%6.2f s] %s%n", (System.nanoTime() - origin) / 1e9, String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private void validate() {
        if (nodes < 3 || nodes > 64) {
            throw bad("--nodes", "must be in 3..64: " + nodes);
        }
        if (replicas < 0 || replicas > 8) {
            throw bad("--replicas", "must be in 0..8: " + replicas);
        }
        if (nodes / (replicas + 1) < 3) {
            throw bad("--replicas", replicas + " leaves " + nodes / (replicas + 1) + " masters of " + nodes
                    + " nodes; a failover needs at least 3 masters");
        }
        if (pollMs < 1 || pollMs > 1000) {
            throw bad("--poll-ms", "must be in 1..1000: " + pollMs);
        }
    }

    private ParameterException bad(String flag, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for " + flag + ": " + problem);
    }
}
