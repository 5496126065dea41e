package io.grapevine.core.wire;

/**
 * Fills one packet of at most {@code capacity} bytes (checksum included) with pre-encoded frames, reporting
 * "full" instead of overflowing (memberlist's compound messages, chitchat's MTU-bounded
 * delta). Reusable: {@link #start} begins a new packet. Confined to one thread.
 */
public final class PacketBuilder {
    private final byte[] buffer;
    private int size;
    private int countPosition;
    private int count;

    /** A builder whose packets never exceed {@code capacity} bytes. */
    public PacketBuilder(int capacity) {
        if (capacity < 64) {
            throw new IllegalArgumentException("capacity must be >= 64 bytes: " + capacity);
        }
        buffer = new byte[capacity];
    }

    /** Begins a packet with the sender's constant {@code header} (see {@link WireCodec#header}). */
    public PacketBuilder start(byte[] header) {
        if (header.length + 1 + WireCodec.CHECKSUM_BYTES > buffer.length) {
            throw new IllegalArgumentException("header of " + header.length + " bytes exceeds capacity");
        }
        System.arraycopy(header, 0, buffer, 0, header.length);
        countPosition = header.length;
        size = header.length + 1;
        count = 0;
        return this;
    }

    /** Bytes still free in this packet. */
    public int remaining() {
        return count >= WireLimits.MAX_MESSAGES_PER_PACKET ? 0 : buffer.length - WireCodec.CHECKSUM_BYTES - size;
    }

    /** Number of frames added so far. */
    public int count() {
        return count;
    }

    /** Appends {@code frame} if it fits; returns false (and changes nothing) if it does not. */
    public boolean tryAdd(byte[] frame) {
        if (frame.length < 2) {
            throw new IllegalArgumentException("a frame has at least a type and a length byte");
        }
        if (frame.length > remaining()) {
            return false;
        }
        System.arraycopy(frame, 0, buffer, size, frame.length);
        size += frame.length;
        count++;
        return true;
    }

    /** The finished packet; at least one frame must have been added. */
    public byte[] build() {
        if (count == 0) {
            throw new IllegalStateException("a packet needs at least one frame");
        }
        buffer[countPosition] = (byte) count;
        byte[] packet = new byte[size + WireCodec.CHECKSUM_BYTES];
        System.arraycopy(buffer, 0, packet, 0, size);
        int crc = WireCodec.checksum(packet, 0, size);
        packet[size] = (byte) (crc >>> 24);
        packet[size + 1] = (byte) (crc >>> 16);
        packet[size + 2] = (byte) (crc >>> 8);
        packet[size + 3] = (byte) crc;
        return packet;
    }
}
