package io.grapevine.net;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Address;
import io.grapevine.core.membership.Member;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members a node knows, kept in a file so that after a restart {@link Cluster#join()}
 * also tries them (Serf's {@code -snapshot}): a node whose seeds are gone still finds its
 * cluster. One {@code host:port} per line; a node that left gracefully writes
 * {@value #LEFT_MARKER} instead, and does not rejoin from the file.
 *
 * <p>Writes are coalesced (at most one per second, on a daemon thread of its own, never on
 * the event loop) and atomic (a temporary file moved over the old one). Reading is bounded:
 * at most {@value #MAX_LINES} lines of a file up to {@value #MAX_BYTES} bytes, and a line that
 * is not a {@code host:port} is skipped, never trusted.
 */
final class MemberSnapshot implements AutoCloseable {
    static final String LEFT_MARKER = "#left";
    static final int MAX_LINES = 4096;
    static final int MAX_BYTES = 1 << 20;
    /** How many remembered members a join tries besides the seeds. */
    static final int REJOIN_CANDIDATES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(MemberSnapshot.class);

    private final Path file;
    private final Supplier<List<Member>> members;
    private final String self;
    private final ScheduledExecutorService writer;
    private volatile boolean dirty;
    private volatile boolean left;

    MemberSnapshot(Path file, String self, Supplier<List<Member>> members) {
        this.file = file;
        this.self = self;
        this.members = members;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "grapevine-snapshot-" + self);
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::flushIfDirty, 1, 1, TimeUnit.SECONDS);
    }

    /** The listener half: any membership change makes the file stale. */
    void onEvent(ClusterEvent event) {
        if (event instanceof ClusterEvent.MemberChanged) {
            dirty = true;
        }
    }

    /** This node left gracefully: the file says so, and a restart does not rejoin from it. */
    void markLeft() {
        left = true;
        dirty = true;
        writer.execute(this::flushIfDirty);
    }

    private void flushIfDirty() {
        if (!dirty) {
            return;
        }
        dirty = false;
        List<String> lines = new ArrayList<>();
        if (left) {
            lines.add(LEFT_MARKER);
        } else {
            for (Member member : members.get()) {
                if (member.status().isLive() && !member.name().equals(self) && lines.size() < MAX_LINES) {
                    lines.add(member.id().address().toString());
                }
            }
        }
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            dirty = true; // try again next second
            LOG.warn("cannot write the member snapshot {}: {}", file, e.toString());
        }
    }

    /**
     * Up to {@value #REJOIN_CANDIDATES} members remembered in {@code file}, in random order;
     * empty if the file is missing, unreadable, too large, or records a graceful leave.
     */
    static List<String> rejoinCandidates(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return List.of();
            }
            List<String> candidates = new ArrayList<>();
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.trim();
                if (line.equals(LEFT_MARKER)) {
                    return List.of();
                }
                if (candidates.size() < MAX_LINES && isHostPort(line)) {
                    candidates.add(line);
                }
            }
            Collections.shuffle(candidates, new SecureRandom());
            return List.copyOf(candidates.subList(0, Math.min(REJOIN_CANDIDATES, candidates.size())));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the member snapshot {}: {}", file, e.toString());
            return List.of();
        }
    }

    /** A joinable {@code host:port} ({@link Address#parse}, port above 0). */
    static boolean isHostPort(String line) {
        try {
            return Address.parse(line).port() > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes what is pending and stops the writer thread. */
    @Override
    public void close() {
        writer.execute(this::flushIfDirty);
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
