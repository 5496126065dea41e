package io.grapevine.core.wire;

import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.NodeId;

/**
 * What a node holds of one owner's stream: the owner's life and the highest version held.
 *
 * @param owner the owner, generation included
 * @param priority the key class of the stream
 * @param maxVersion the highest version held (the watermark); 0 when nothing is held
 * @param gcVersion the highest tombstone version this holder has forgotten or reset past
 */
public record DigestEntry(NodeId owner, KeyPriority priority, long maxVersion, long gcVersion) {
    /** Validates the fields. */
    public DigestEntry {
        if (owner == null || priority == null) {
            throw new IllegalArgumentException("owner and priority must not be null");
        }
        if (maxVersion < 0 || gcVersion < 0) {
            throw new IllegalArgumentException("maxVersion and gcVersion must be >= 0");
        }
    }
}
