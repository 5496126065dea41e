package io.grapevine.bench.cluster;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * N loopback nodes of one system that the scenarios drive: Grapevine in separate JVMs or in
 * this one, or a peer such as Serf. Every action returns the wall-clock millis at which it was
 * issued (taken just before the command leaves the runner), the start of the measured
 * interval. Used by one scenario thread.
 */
public interface ClusterUnderTest extends AutoCloseable {

    /** The system's name in reports, e.g. {@code grapevine} or {@code serf}. */
    String system();

    /** N. */
    int size();

    /** Node {@code i}'s member name. */
    String name(int i);

    /** How the nodes are configured, started and joined, for the report. */
    SystemSetup setup();

    /** Where the nodes' reports of the current run land. */
    Observations observations();

    /**
     * Stops whatever ran before and starts N fresh, unjoined nodes (new identities, ports and
     * key), returning once every one is ready; forgets the previous run's observations.
     *
     * @param quiet true for the idle-cost scenario: the peer may log less so that logging
     *              does not count as its cost
     */
    void startFresh(boolean quiet) throws Exception;

    /** Tells nodes 1..N-1 to join through node 0. */
    long joinAll() throws Exception;

    /**
     * Rolling join, first step: stops whatever ran before, forgets the previous run's
     * observations, and starts node 0 alone (fresh identity, ports and key), returning once it
     * is ready.
     */
    void startFirst() throws Exception;

    /**
     * Rolling join: starts node {@code i}, unjoined, with the current run's key, returning once
     * it is ready (its start-up is not part of any measured interval). Called for i = 1..N-1 in
     * order, after {@link #startFirst()}.
     */
    void startNext(int i) throws Exception;

    /** Tells node {@code i}, already running, to join through node {@code through}. */
    long join(int i, int through) throws Exception;

    /** Kills node {@code i} without warning (kill -9 for a process). */
    long kill(int i) throws Exception;

    /**
     * Freezes node {@code i} (SIGSTOP): a hung process, or a host gone silent. Its kernel still
     * accepts connections, so nothing but silence tells the others; the runner kills it after
     * the run. Only for node processes.
     */
    default long freeze(int i) throws Exception {
        throw new UnsupportedOperationException(system() + " cannot freeze a node in this mode");
    }

    /** Resumes node {@code i} (SIGCONT) after {@link #freeze}; returns the time just before the signal. */
    default long resume(int i) throws Exception {
        throw new UnsupportedOperationException(system() + " cannot resume a node in this mode");
    }

    /** Tells node {@code i} to leave gracefully. */
    long leave(int i) throws Exception;

    /** Tells node {@code i} to fire user event {@code name} (empty payload). */
    long fireEvent(int i, String name) throws Exception;

    /** Tells node {@code i} to write its key {@code key} (Serf: set a tag). */
    long writeKey(int i, String key, String value) throws Exception;

    /** The OS process of each node, in node order; empty when the nodes share this JVM. */
    List<ProcessHandle> processes();

    /**
     * Bytes each node has sent so far (UDP and TCP, encryption included) in node order, or
     * empty if the system does not tell.
     */
    Optional<long[]> bytesSent() throws Exception;

    /** Each node's gossip (UDP) address, in node order; what a flood is aimed at. */
    default List<InetSocketAddress> gossipAddresses() {
        throw new UnsupportedOperationException(system() + " does not expose its nodes' gossip addresses");
    }

    /**
     * Node {@code i} pings every live member over UDP through its own protocol loop and waits
     * {@code waitMillis}: the round trip of each (ms), {@link Double#NaN} for a member that did not
     * answer in time. Empty if the system cannot tell.
     */
    default List<Double> udpRoundTripsMillis(int i, int waitMillis) throws Exception {
        return List.of();
    }

    /** Stops every node. */
    @Override
    void close();
}
