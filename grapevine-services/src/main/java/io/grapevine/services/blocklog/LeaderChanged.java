package io.grapevine.services.blocklog;

/**
 * Emitted (a {@code ClusterEvent.ServiceEvent} of the block log's channel) when this node starts
 * producing as the leader: its takeover is over and its chain, from which it continues, has
 * {@code height} blocks.
 *
 * @param leader this node's name
 * @param height the height it continues from
 */
public record LeaderChanged(String leader, long height) {
}
