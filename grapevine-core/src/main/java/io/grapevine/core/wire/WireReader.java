package io.grapevine.core.wire;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over untrusted bytes. Every read checks the remaining length first
 * and fails with a {@link Malformed} carrying a {@link Rejection}; nothing is allocated beyond
 * what the input itself holds. Not thread-safe: one reader per decode.
 */
final class WireReader {
    private static final MemberStatus[] STATUSES = MemberStatus.values();

    private final byte[] data;
    private final int end;
    private int position;
    private final Interner interner;
    private CharsetDecoder utf8;

    WireReader(byte[] data, int offset, int length, Interner interner) {
        this.interner = interner;
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    int remaining() {
        return end - position;
    }

    int position() {
        return position;
    }

    void require(int bytes) {
        if (bytes < 0 || bytes > end - position) {
            throw Malformed.of(Rejection.TRUNCATED);
        }
    }

    int u8() {
        require(1);
        return data[position++] & 0xFF;
    }

    int u16() {
        require(2);
        int value = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int i32() {
        require(4);
        int value = ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    long i64() {
        long high = i32();
        return (high << 32) | (i32() & 0xFFFF_FFFFL);
    }

    /**
     * Unsigned LEB128 in its shortest form, so at most 9 bytes for {@code Long.MAX_VALUE}.
     * Values above {@code Long.MAX_VALUE} and overlong forms (a last byte of zero after the
     * first, e.g. {@code 80 00} for 0) are malformed: every value has exactly one encoding,
     * so accepted bytes always re-encode to themselves.
     */
    long varLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0 || (shift > 0 && b == 0) || (shift == 63 && b > 0)) {
                    throw Malformed.of(Rejection.MALFORMED);
                }
                return value;
            }
        }
        throw Malformed.of(Rejection.MALFORMED);
    }

    /** A non-negative int in LEB128. */
    int varInt() {
        long value = varLong();
        if (value > Integer.MAX_VALUE) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return (int) value;
    }

    boolean bool() {
        int b = u8();
        if (b > 1) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return b == 1;
    }

    /** A string of 0..255 UTF-8 bytes, length in one byte; invalid UTF-8 is malformed. */
    String string() {
        int length = u8();
        require(length);
        int start = position;
        position += length;
        boolean ascii = true;
        for (int i = start; i < start + length; i++) {
            if (data[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(data, start, length, StandardCharsets.ISO_8859_1);
        }
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(data, start, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw Malformed.of(Rejection.MALFORMED);
        }
    }

    /** A string that must not be empty or blank (names, hosts, origins). */
    String name() {
        String value = string();
        if (value.isEmpty() || value.isBlank()) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return interner == null ? value : interner.intern(value);
    }

    /**
     * A replicated-state key: any non-empty string, blank ones included, exactly as
     * {@code VersionedEntry} and {@code ReplicatedState.put} accept them.
     */
    String key() {
        String value = string();
        if (value.isEmpty()) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return interner == null ? value : interner.intern(value);
    }

    Bytes bytes() {
        int length = varInt();
        require(length);
        Bytes value = Bytes.copyOf(data, position, length);
        position += length;
        return value;
    }

    MemberStatus status() {
        int code = u8();
        if (code >= STATUSES.length) {
            throw Malformed.of(Rejection.MALFORMED);
        }
        return STATUSES[code];
    }

    NodeId nodeId() {
        String name = name();
        String host = name();
        int port = u16();
        long generation = varLong();
        NodeId id = new NodeId(name, new Address(host, port), generation);
        return interner == null ? id : interner.intern(id);
    }
}
