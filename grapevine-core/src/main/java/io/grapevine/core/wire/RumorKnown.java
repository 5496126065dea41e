package io.grapevine.core.wire;

import java.util.List;

/**
 * Rumor feedback: the sender of this frame already had the rumors the receiver sent it, named
 * by the hash of their rumor key ({@code RumorQueue.hashOf}). Sent only for classes whose
 * rumor policy uses feedback; rides on any packet going that way when one leaves soon enough,
 * else goes alone.
 *
 * @param keyHashes the rumor-key hashes; 1..{@link #MAX_HASHES} of them
 */
public record RumorKnown(List<Integer> keyHashes) implements WireMessage {
    /** Most hashes in one frame. */
    public static final int MAX_HASHES = 64;

    /** Validates and copies the hashes. */
    public RumorKnown {
        keyHashes = List.copyOf(keyHashes);
        if (keyHashes.isEmpty() || keyHashes.size() > MAX_HASHES) {
            throw new IllegalArgumentException("rumor feedback carries 1.." + MAX_HASHES + " hashes: " + keyHashes.size());
        }
    }

    @Override
    public MessageType kind() {
        return MessageType.RUMOR_KNOWN;
    }
}
