package io.grapevine.services.blocklog;

import io.grapevine.core.base.Bytes;

/**
 * What one node's block log looks like now.
 *
 * @param self this node's name
 * @param height number of its last verified block (0: none)
 * @param headHash hash of that block (the genesis hash when none)
 * @param leader the member this node takes for the leader (the lowest-named live member, itself included)
 * @param producing true when this node is the leader and its takeover is over, so it produces
 * @param buffered blocks waiting in its out-of-order buffer
 */
public record BlockLogView(String self, long height, Bytes headHash, String leader, boolean producing, int buffered) {
}
