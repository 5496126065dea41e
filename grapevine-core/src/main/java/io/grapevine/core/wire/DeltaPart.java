package io.grapevine.core.wire;

import io.grapevine.core.base.KeyPriority;
import io.grapevine.core.base.NodeId;
import java.util.List;

/**
 * The entries of one owner's stream that a peer lacks, in increasing version order, so that
 * any prefix is itself a valid delta and the receiver's watermark stays correct.
 *
 * @param owner the owner, generation included
 * @param priority the key class of the stream
 * @param reset true when the receiver must drop what it holds of the stream first (its
 *              watermark was below {@code gcVersion}: deletions it missed were forgotten)
 * @param fromVersion the watermark the part was cut against: it holds every entry the sender
 *                    has above it, up to its last entry; a receiver below it would skip versions
 * @param gcVersion the sender's highest garbage-collected tombstone version for the stream
 * @param maxVersion the sender's watermark for the stream
 * @param complete true when every entry the receiver lacks is included
 * @param entries the entries, versions strictly increasing
 */
public record DeltaPart(NodeId owner, KeyPriority priority, boolean reset, long fromVersion, long gcVersion, long maxVersion,
                        boolean complete, List<VersionedEntry> entries) {
    /** Validates ordering and freezes the entries. */
    public DeltaPart {
        if (owner == null || priority == null) {
            throw new IllegalArgumentException("owner and priority must not be null");
        }
        entries = List.copyOf(entries);
        if (fromVersion < 0 || gcVersion < 0 || maxVersion < fromVersion) {
            throw new IllegalArgumentException("need 0 <= fromVersion <= maxVersion and gcVersion >= 0");
        }
        long previous = fromVersion;
        for (VersionedEntry entry : entries) {
            if (entry.version() <= previous) {
                throw new IllegalArgumentException("entries must have strictly increasing versions");
            }
            previous = entry.version();
        }
        if (previous > maxVersion) {
            throw new IllegalArgumentException("an entry's version exceeds maxVersion");
        }
    }

    /** Bytes a part's header for {@code owner} occupies at most in an encoded delta (entries excluded). */
    public static int encodedHeaderSize(NodeId owner) {
        return EncodedSize.partHeader(owner);
    }
}
