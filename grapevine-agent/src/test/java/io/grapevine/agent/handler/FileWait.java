package io.grapevine.agent.handler;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;

/**
 * Waits for a file that a handler script creates, with a deadline and no sleeping: blocks on
 * the directory's {@link WatchService} (inotify on Linux; a rename into the directory counts
 * as a creation), so scripts write {@code f.tmp} then {@code mv f.tmp f} to publish whole
 * files.
 */
final class FileWait {
    private FileWait() {
    }

    /** Returns once {@code file} exists; fails the test if it does not within {@code deadline}. */
    static Path awaitFile(Path file, Duration deadline) throws IOException, InterruptedException {
        long endNanos = System.nanoTime() + deadline.toNanos();
        try (WatchService watch = file.getFileSystem().newWatchService()) {
            file.getParent().register(watch, ENTRY_CREATE);
            while (!Files.exists(file)) {
                long leftNanos = endNanos - System.nanoTime();
                if (leftNanos <= 0) {
                    throw new AssertionError(file + " did not appear within " + deadline);
                }
                WatchKey key = watch.poll(leftNanos, NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        return file;
    }
}
