package io.grapevine.core.dissemination;

/**
 * What flow control is doing on one node (see {@link FlowControl}).
 *
 * @param enabled whether flow control is on
 * @param rateBytesPerSecond the rate now allowed for disseminating this node's own writes, in bytes per second
 * @param deferredKeys own keys whose write waits for that rate now
 * @param decreases times the rate was halved so far
 * @param deferrals writes that had to wait so far
 */
public record FlowStats(boolean enabled, double rateBytesPerSecond, int deferredKeys, long decreases, long deferrals) {
}
