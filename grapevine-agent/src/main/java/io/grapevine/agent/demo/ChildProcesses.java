package io.grapevine.agent.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every child agent the demo started, so that none outlives it: {@link #stopAll} (called at the
 * end and from the shutdown hook on Ctrl-C) sends each live child SIGTERM, waits a bounded time
 * for the graceful leaves, then SIGKILLs what is left and waits again. Thread-safe; stopping is
 * idempotent, and once stopping has begun no child is started.
 */
final class ChildProcesses {
    /** How long SIGKILLed children get to disappear. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final List<ChildAgent> children = new ArrayList<>();
    private boolean stopping;

    /**
     * What {@link #stopAll} did.
     *
     * @param stopped children that ended on SIGTERM within the grace period
     * @param killed children that had to be SIGKILLed
     * @param alreadyGone children that had already ended (the one the story killed, say)
     */
    record StopReport(int stopped, int killed, int alreadyGone) {
    }

    /**
     * Registers a child just started.
     *
     * @param child the child
     * @return {@code child}
     * @throws DemoFailure if the demo is already stopping (the child is killed at once)
     */
    synchronized ChildAgent adopt(ChildAgent child) {
        if (stopping) {
            child.destroyForcibly();
            throw new DemoFailure("the demo is stopping: " + child.name() + " was not started");
        }
        children.add(child);
        return child;
    }

    /** Whether {@link #stopAll} has begun. */
    synchronized boolean stopping() {
        return stopping;
    }

    /** How many children are running now. */
    synchronized int running() {
        return (int) children.stream().filter(ChildAgent::isAlive).count();
    }

    /**
     * Stops every child: SIGTERM to all at once (each leaves the cluster gracefully), up to
     * {@code grace} for them to end, then SIGKILL for the rest. A second call finds nothing left.
     *
     * @param grace the most to wait for graceful exits, for all children together
     * @return how each child ended
     */
    synchronized StopReport stopAll(Duration grace) {
        stopping = true;
        List<ChildAgent> live = children.stream().filter(ChildAgent::isAlive).toList();
        int alreadyGone = children.size() - live.size();
        live.forEach(ChildAgent::terminate);
        long deadline = System.nanoTime() + grace.toNanos();
        int stopped = 0;
        List<ChildAgent> stubborn = new ArrayList<>();
        for (ChildAgent child : live) {
            if (child.waitFor(Duration.ofNanos(deadline - System.nanoTime()))) {
                stopped++;
            } else {
                stubborn.add(child);
            }
        }
        stubborn.forEach(ChildAgent::destroyForcibly);
        stubborn.forEach(child -> child.waitFor(KILL_WAIT));
        children.clear();
        return new StopReport(stopped, stubborn.size(), alreadyGone);
    }
}
