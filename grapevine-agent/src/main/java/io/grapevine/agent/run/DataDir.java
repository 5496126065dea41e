package io.grapevine.agent.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The agent's data directory ({@code --data-dir}), held for as long as the agent runs: created if
 * missing, refused if it is a file or not writable, and locked ({@value #LOCK_FILE}) so that two
 * agents never share one (they would overwrite each other's member snapshot).
 *
 * <p>What lives there: {@value #SNAPSHOT_FILE}, the members this node knows (written by the net
 * runtime's member snapshot, atomically, at most once a second), so that a restart rejoins them
 * without {@code --join}, and records a graceful leave so that a restart after one does not.
 */
final class DataDir implements AutoCloseable {
    /** The member snapshot's file name. */
    static final String SNAPSHOT_FILE = "members.snapshot";
    /** The lock file's name. */
    static final String LOCK_FILE = "agent.lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates (if missing), checks and locks {@code dir}.
     *
     * @param dir the data directory
     * @return the held directory
     * @throws AgentStartException naming {@code --data-dir} when it is a file, not writable or in use
     */
    static DataDir open(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new AgentStartException("--data-dir " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AgentStartException("--data-dir " + dir + " cannot be created: " + e, e);
        }
        if (!Files.isWritable(dir)) {
            throw new AgentStartException("--data-dir " + dir + " is not writable");
        }
        Path lockFile = dir.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AgentStartException("--data-dir " + dir + ": cannot open " + lockFile + ": " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null; // held by this JVM (OverlappingFileLock) or refused: in use either way
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new AgentStartException("--data-dir " + dir + " is in use by another agent (" + lockFile
                    + " is locked)");
        }
        return new DataDir(dir, channel, lock);
    }

    /** The member snapshot file. @return its path */
    Path snapshotFile() {
        return dir.resolve(SNAPSHOT_FILE);
    }

    /** The directory. @return its path */
    Path path() {
        return dir;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was locked through it: nothing to undo
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
