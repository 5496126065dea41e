package io.grapevine.core.membership;

/**
 * How a zoned {@link PeerSampler} adds members of other zones to what it picks in this node's
 * zone (with no zone, the sampler picks from the whole table and this is ignored).
 */
public enum CrossZone {
    /** Never: only members of this node's zone (what a link forwards into its zone goes this way). */
    NONE,
    /** One random link of another zone, and only when this node is itself a link (gossip, anti-entropy, push-pull). */
    PARTNER_IF_LINK,
    /** One random link of every other zone, from any node (direct mail: a write crosses in one hop). */
    EACH_ZONE
}
