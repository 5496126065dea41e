package io.grapevine.core.state;

import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.Bytes;

/**
 * A key changed on this node: written locally, learned from a peer, deleted, or expired.
 *
 * @param owner the owner of the key
 * @param key the key
 * @param oldVersion the version held before (0 if none)
 * @param newVersion the version held now
 * @param value the new value; empty when {@code deleted}
 * @param deleted true when the key is now a tombstone
 */
public record KeyChange(NodeId owner, String key, long oldVersion, long newVersion, Bytes value, boolean deleted) {
}
