package io.grapevine.sim.merkle;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.keyspace.HybridClock;
import io.grapevine.core.keyspace.Keyspace;
import io.grapevine.core.keyspace.KeyspaceConfig;
import io.grapevine.core.keyspace.MemoryKeyStore;
import io.grapevine.core.keyspace.PairRepair;
import io.grapevine.core.merkle.MerkleShape;
import io.grapevine.core.wire.Delta;
import io.grapevine.core.wire.DeltaPart;
import io.grapevine.core.wire.Digest;
import io.grapevine.core.wire.DigestEntry;
import io.grapevine.core.wire.EncodedSize;
import io.grapevine.core.wire.MerkleEntries;
import io.grapevine.core.wire.SharedEntry;
import io.grapevine.core.wire.StateAck;
import io.grapevine.core.wire.StateDigest;
import io.grapevine.core.wire.StatePush;
import io.grapevine.core.wire.VersionedEntry;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code grapevine sim merkle}: builds two replicas of one key range, replica A with
 * {@code keys} keys and replica B equal except in {@code differences} random keys (a third
 * newer on A, a third newer on B, a third missing on B), repairs them with the core's Merkle
 * repair, and reports its bytes and round trips against shipping the whole range and against
 * Scuttlebutt's best case on the same writes. Deterministic: the seed chooses everything.
 *
 * <p>The writes: key {@code key-i} by writer {@code n(i mod 8)}; every difference is a later
 * write by one of {@code n0..n3} (A's side) or {@code n4..n7} (B's side). Runnable alone
 * ({@link #main}); {@link #cli} is the command the agent registers under {@code sim}.
 */
public final class MerkleRepairRun {
    private static final int WRITERS = 8;
    private static final long BASE_MILLIS = 1_700_000_000_000L;
    private static final long LATE_MILLIS = BASE_MILLIS + 3_600_000L;
    /** Leaves per key the automatic depth aims for: about 4 keys per leaf. */
    private static final int KEYS_PER_LEAF = 4;

    private MerkleRepairRun() {
    }

    /** The depth {@code 0} ("auto") stands for: the smallest with at most about 4 keys per leaf, within the shape limits. */
    public static int depthFor(int keys, int fanout) {
        int depth = 1;
        long leaves = fanout;
        while (leaves * KEYS_PER_LEAF < keys && (long) Integer.numberOfTrailingZeros(fanout) * (depth + 1) <= 24
                && depth < 8) {
            depth++;
            leaves *= fanout;
        }
        return depth;
    }

    /**
     * One run.
     *
     * @param keys keys on replica A, at least 1
     * @param differences keys that differ, 0..keys
     * @param seed chooses the differing keys and the values
     * @param fanout Merkle fanout (a power of two, 2..64)
     * @param depth Merkle depth, or 0 for {@link #depthFor}
     * @param valueBytes size of each value
     */
    public static MerkleRepairResult run(int keys, int differences, long seed, int fanout, int depth, int valueBytes) {
        if (keys < 1) {
            throw new IllegalArgumentException("keys (--keys) must be >= 1: " + keys);
        }
        if (differences < 0 || differences > keys) {
            throw new IllegalArgumentException("differences (--differences) must be in 0..keys (" + keys + "): " + differences);
        }
        if (valueBytes < 0 || valueBytes > 65_536) {
            throw new IllegalArgumentException("valueBytes (--value-bytes) must be in 0..65536: " + valueBytes);
        }
        MerkleShape shape = new MerkleShape(fanout, depth == 0 ? depthFor(keys, fanout) : depth);
        KeyspaceConfig config = KeyspaceConfig.defaults().withPartitionBits(0).withMerkle(shape)
                .withMaxKeys(keys + 1).withMaxRepairBytes(Integer.MAX_VALUE / 4);
        SplitMix64 random = new SplitMix64(seed);
        Workload data = Workload.of(keys, differences, random, valueBytes);
        Keyspace a = new Keyspace(config, new MemoryKeyStore());
        Keyspace b = new Keyspace(config, new MemoryKeyStore());
        for (int i = 0; i < keys; i++) {
            a.apply(data.onA[i], LATE_MILLIS);
            if (data.onB[i] != null) {
                b.apply(data.onB[i], LATE_MILLIS);
            }
        }
        long full = fullRepairBytes(data);
        long scuttlebutt = scuttlebuttBytes(data);
        long[] merkle = {0, 0};
        PairRepair.Outcome outcome = PairRepair.run(a, b, List.of(0), LATE_MILLIS + 1, message -> {
            merkle[0] += WireCodec.encodeFrame(message).length;
            if (message instanceof MerkleEntries entries) {
                merkle[1] += entries.entries().size();
            }
        });
        boolean repaired = contents(a).equals(contents(b));
        return new MerkleRepairResult(keys, differences, seed, shape.fanout(), shape.depth(), repaired, merkle[0],
                outcome.messages(), outcome.roundTrips(), merkle[1], full, scuttlebutt);
    }

    private static List<SharedEntry> contents(Keyspace keyspace) {
        List<SharedEntry> all = new ArrayList<>();
        keyspace.scanPartition(0, all::add);
        return all;
    }

    /** A sends its whole range (one MERKLE_ENTRIES), B answers with its entries that differ. */
    private static long fullRepairBytes(Workload data) {
        long there = 0;
        long back = 0;
        long backCount = 0;
        for (int i = 0; i < data.onA.length; i++) {
            there += data.onA[i].encodedSize();
            if (data.onB[i] != null && !data.onB[i].equals(data.onA[i])) {
                back += data.onB[i].encodedSize();
                backCount++;
            }
        }
        // flags, one leaf ref (range 0, leaf 0, horizon 0), entry count
        long thereBody = 1 + 1 + 3 + EncodedSize.varint(data.onA.length) + there;
        long backBody = 1 + 1 + 3 + EncodedSize.varint(backCount) + back;
        return frame(thereBody) + frame(backBody);
    }

    private static long frame(long body) {
        return 1 + EncodedSize.varint(body) + body;
    }

    /**
     * Scuttlebutt push-pull on the same writes, as if each writer's writes were one owner's
     * versioned stream held in order by both replicas: A's digest; B's delta (A's missing
     * writes) and digest; A's delta. The best case: exactly the differing writes travel.
     */
    private static long scuttlebuttBytes(Workload data) {
        List<NodeId> owners = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            owners.add(new NodeId("n" + w, new Address("10.0.0." + (w + 1), 7946), 1));
        }
        long[] base = new long[WRITERS];
        for (int i = 0; i < data.onA.length; i++) {
            base[i % WRITERS]++;
        }
        List<List<VersionedEntry>> lateByWriter = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            lateByWriter.add(new ArrayList<>());
        }
        for (SharedEntry late : data.late) {
            int w = late.writer().charAt(1) - '0';
            List<VersionedEntry> mine = lateByWriter.get(w);
            mine.add(new VersionedEntry(late.key(), late.value(), base[w] + mine.size() + 1, false));
        }
        List<DigestEntry> digestA = new ArrayList<>();
        List<DigestEntry> digestB = new ArrayList<>();
        List<DeltaPart> toA = new ArrayList<>();
        List<DeltaPart> toB = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            long all = base[w] + lateByWriter.get(w).size();
            boolean aSide = w < WRITERS / 2;
            digestA.add(new DigestEntry(owners.get(w), KeyPriority.CONTROL, aSide ? all : base[w], 0));
            digestB.add(new DigestEntry(owners.get(w), KeyPriority.CONTROL, aSide ? base[w] : all, 0));
            if (!lateByWriter.get(w).isEmpty()) {
                DeltaPart part = new DeltaPart(owners.get(w), KeyPriority.CONTROL, false, base[w], 0, all, true,
                        lateByWriter.get(w));
                (aSide ? toB : toA).add(part);
            }
        }
        long bytes = WireCodec.encodeFrame(new StateDigest(new Digest(digestA), true)).length;
        bytes += WireCodec.encodeFrame(new StateAck(new Delta(toA, false), new Digest(digestB))).length;
        if (!toB.isEmpty()) {
            bytes += WireCodec.encodeFrame(new StatePush(new Delta(toB, false))).length;
        }
        return bytes;
    }

    /** The two replicas' entries by key index (B's null where it lacks the key), and the late writes. */
    private record Workload(SharedEntry[] onA, SharedEntry[] onB, List<SharedEntry> late) {
        static Workload of(int keys, int differences, SplitMix64 random, int valueBytes) {
            SharedEntry[] onA = new SharedEntry[keys];
            SharedEntry[] onB = new SharedEntry[keys];
            for (int i = 0; i < keys; i++) {
                onA[i] = new SharedEntry("key-" + i, value(random, valueBytes), HybridClock.ofMillis(BASE_MILLIS) + i,
                        "n" + (i % WRITERS), false);
                onB[i] = onA[i];
            }
            Set<Integer> chosen = new HashSet<>();
            List<SharedEntry> late = new ArrayList<>();
            for (int t = 0; t < differences; t++) {
                int i = pick(random, keys, chosen);
                long hlc = HybridClock.ofMillis(LATE_MILLIS) + t;
                switch (t % 3) {
                    case 0 -> onA[i] = lateWrite(onA[i], hlc, i % 4, random, valueBytes);
                    case 1 -> onB[i] = lateWrite(onB[i], hlc, 4 + i % 4, random, valueBytes);
                    default -> {
                        onA[i] = lateWrite(onA[i], hlc, i % 4, random, valueBytes);
                        onB[i] = null;
                    }
                }
                late.add(t % 3 == 1 ? onB[i] : onA[i]);
            }
            return new Workload(onA, onB, late);
        }

        private static int pick(SplitMix64 random, int keys, Set<Integer> chosen) {
            if (chosen.size() * 2 > keys) {
                // dense: the first unchosen key after a random start
                int i = random.nextInt(keys);
                while (chosen.contains(i)) {
                    i = (i + 1) % keys;
                }
                chosen.add(i);
                return i;
            }
            int i;
            do {
                i = random.nextInt(keys);
            } while (!chosen.add(i));
            return i;
        }

        private static SharedEntry lateWrite(SharedEntry old, long hlc, int writer, SplitMix64 random, int valueBytes) {
            return new SharedEntry(old.key(), value(random, valueBytes), hlc, "n" + writer, false);
        }

        private static Bytes value(SplitMix64 random, int valueBytes) {
            byte[] value = new byte[valueBytes];
            for (int i = 0; i < valueBytes; i += 8) {
                long bits = random.nextLong();
                for (int j = 0; j < 8 && i + j < valueBytes; j++) {
                    value[i + j] = (byte) (bits >>> (8 * j));
                }
            }
            return Bytes.copyOf(value);
        }
    }

    /**
     * The command line: {@code --keys N --differences D [--format json|text] [--seed S]
     * [--fanout F] [--depth L|auto] [--value-bytes B]}. Prints one result; returns the exit
     * code (0, or 2 with a message naming the flag on bad usage).
     */
    public static int cli(String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        int keys = 10_000;
        int differences = 10;
        String format = "json";
        long seed = 1;
        int fanout = 16;
        int depth = 0;
        int valueBytes = 32;
        try {
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (flag.equals("--help") || flag.equals("-h")) {
                    out.println("Usage: grapevine sim merkle --keys N --differences D [--format json|text] [--seed S]"
                            + " [--fanout F] [--depth L|auto] [--value-bytes B]");
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args[++i];
                switch (flag) {
                    case "--keys" -> keys = number(flag, value);
                    case "--differences" -> differences = number(flag, value);
                    case "--format" -> format = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--fanout" -> fanout = number(flag, value);
                    case "--depth" -> depth = value.equals("auto") ? 0 : number(flag, value);
                    case "--value-bytes" -> valueBytes = number(flag, value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            if (!format.equals("json") && !format.equals("text")) {
                throw new IllegalArgumentException("--format must be json or text: " + format);
            }
            MerkleRepairResult result = run(keys, differences, seed, fanout, depth, valueBytes);
            out.println(format.equals("json") ? result.toJson() : result.toText());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("grapevine sim merkle: " + e.getMessage());
            return 2;
        }
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value.replace(",", "").replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number: " + value);
        }
    }

    /** Runs {@link #cli} on the process's arguments and exits with its code. */
    public static void main(String[] args) {
        System.exit(cli(args, System.out, System.err));
    }
}
