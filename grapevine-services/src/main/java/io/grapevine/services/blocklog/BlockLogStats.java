package io.grapevine.services.blocklog;

/**
 * A snapshot of one node's block log counters since the service was installed. Counts, not
 * rates; messages and bytes are the service's own payloads (the gossip piggy-backed on a
 * datagram and the packet headers are not included).
 *
 * @param appended blocks verified and added to the chain (produced here or received)
 * @param produced blocks this node produced as leader
 * @param duplicates blocks received that were already held
 * @param rejected blocks dropped because they failed verification (tampered, broken link, conflicting), never forwarded
 * @param outOfWindow blocks dropped because they were further ahead than the buffer's bound
 * @param malformed payloads that did not decode (also counted by the node as {@code SERVICE_MALFORMED})
 * @param pushesSent push messages sent
 * @param hellosSent hello messages sent (pull rounds and takeovers)
 * @param digestsSent digest messages sent
 * @param requestsSent request messages sent
 * @param responsesSent response messages sent
 * @param blocksServed blocks carried by the responses sent
 * @param bytesSent payload bytes of every message sent
 * @param takeovers times this node became leader and started a takeover
 */
public record BlockLogStats(
        long appended,
        long produced,
        long duplicates,
        long rejected,
        long outOfWindow,
        long malformed,
        long pushesSent,
        long hellosSent,
        long digestsSent,
        long requestsSent,
        long responsesSent,
        long blocksServed,
        long bytesSent,
        long takeovers) {

    /** Every message this node sent, of every kind. */
    public long messagesSent() {
        return pushesSent + hellosSent + digestsSent + requestsSent + responsesSent;
    }
}
