package io.grapevine.core.wire;

import io.grapevine.core.base.NodeId;

/** Exact sizes of the state encodings of docs/wire-format.md, for filling byte budgets tightly. */
public final class EncodedSize {
    private EncodedSize() {
    }

    /** Bytes of an unsigned LEB128 varint. */
    public static int varint(long value) {
        int bytes = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            bytes++;
        }
        return bytes;
    }

    /** UTF-8 bytes of {@code text}. */
    public static int utf8(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Bytes of a str8 (length byte and UTF-8). */
    public static int str8(String text) {
        return 1 + utf8(text);
    }

    /** Bytes of an encoded node identity. */
    public static int node(NodeId id) {
        return str8(id.name()) + str8(id.address().host()) + 2 + varint(id.generation());
    }

    /** An entry: key, version, tombstone flag, value length and value. */
    public static int entry(VersionedEntry entry) {
        return str8(entry.key()) + varint(entry.version()) + 1 + varint(entry.value().length())
                + entry.value().length();
    }

    /** A part's header with its largest possible versions and entry count. */
    public static int partHeader(NodeId owner) {
        return node(owner) + 1 + 1 + 3 * 10 + 5;
    }
}
