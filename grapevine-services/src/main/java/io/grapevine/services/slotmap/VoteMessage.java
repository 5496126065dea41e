package io.grapevine.services.slotmap;

import io.grapevine.core.base.Bytes;
import java.util.Optional;

/**
 * A failover election message on the {@link SlotMap}'s channel: a replica's request for a vote
 * (Redis's FAILOVER_AUTH_REQUEST) or a master's grant (FAILOVER_AUTH_ACK).
 *
 * <p>Encoding: {@code kind:1 (1 request, 2 grant), epoch:8, master:name}; anything else does not decode.
 *
 * @param grant false for a request, true for a grant
 * @param epoch the election's epoch (the requester's bumped currentEpoch), ≥ 1
 * @param master the failed master the requester replicates
 */
record VoteMessage(boolean grant, long epoch, String master) {
    private static final int REQUEST = 1;
    private static final int GRANT = 2;

    Bytes encode() {
        return Bytes.copyOf(new WireWriter().writeByte(grant ? GRANT : REQUEST).writeLong(epoch).writeName(master)
                .toArray());
    }

    /** Decodes a peer's payload; empty when malformed. Never throws. */
    static Optional<VoteMessage> decode(Bytes payload) {
        WireReader in = new WireReader(payload);
        int kind = in.readByte();
        long epoch = in.readLong();
        String master = in.readName();
        if (in.failed() || !in.atEnd() || (kind != REQUEST && kind != GRANT) || epoch < 1 || master.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VoteMessage(kind == GRANT, epoch, master));
    }
}
