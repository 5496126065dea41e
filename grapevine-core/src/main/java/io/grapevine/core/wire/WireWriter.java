package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte sink for encoding trusted, already-validated values. */
final class WireWriter {
    private byte[] buffer;
    private int size;

    WireWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }

    WireWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    WireWriter u16(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    WireWriter i32(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    WireWriter i64(long value) {
        i32((int) (value >>> 32));
        return i32((int) value);
    }

    /** Unsigned LEB128, shortest form; negative values have no encoding the decoder accepts. */
    WireWriter varLong(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint value must be >= 0: " + value);
        }
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
        return this;
    }

    WireWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    /**
     * A str8. Refuses (rather than silently corrupting) a string the format cannot carry:
     * more than 255 UTF-8 bytes would wrap the one-byte length, and an unpaired surrogate
     * would be replaced by '?'. Names, hosts and labels reach here from configuration and
     * {@code NodeId}, which count characters, not bytes.
     */
    WireWriter string(String value) {
        if (!WireLimits.isWellFormed(value)) {
            throw new IllegalArgumentException("string has an unpaired surrogate, not encodable as UTF-8: "
                    + value.length() + " chars");
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > WireLimits.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + utf8.length + " UTF-8 bytes exceeds the "
                    + WireLimits.MAX_STRING_BYTES + "-byte wire limit");
        }
        u8(utf8.length);
        return raw(utf8, 0, utf8.length);
    }

    WireWriter bytes(Bytes value) {
        varLong(value.length());
        ensure(value.length());
        value.copyTo(buffer, size);
        size += value.length();
        return this;
    }

    WireWriter raw(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, buffer, size, length);
        size += length;
        return this;
    }

    WireWriter status(MemberStatus status) {
        return u8(status.ordinal());
    }

    WireWriter nodeId(NodeId id) {
        if (id.generation() < 0) {
            // NodeId allows any long; the wire carries 0..2^63-1
            throw new IllegalArgumentException("generation must be >= 0 on the wire: " + id.generation());
        }
        string(id.name());
        string(id.address().host());
        u16(id.address().port());
        return varLong(id.generation());
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }
}
