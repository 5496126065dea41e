package io.grapevine.bench.peer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of MessagePack that Serf's RPC needs. Writes maps with string keys whose values
 * are strings, booleans, non-negative integers, byte arrays, string lists or nested maps;
 * reads any value into {@code Map<String, Object>}, {@code List<Object>}, {@code String},
 * {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]} or {@link #NIL}.
 */
final class MsgPack {
    /** Stands for msgpack nil, so decoded maps hold no null. */
    static final Object NIL = new Object();

    private MsgPack() {
    }

    static void write(DataOutputStream out, Object value) throws IOException {
        if (value instanceof String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length < 32) {
                out.writeByte(0xa0 | utf8.length);
            } else if (utf8.length < 256) {
                out.writeByte(0xd9);
                out.writeByte(utf8.length);
            } else {
                out.writeByte(0xda);
                out.writeShort(utf8.length);
            }
            out.write(utf8);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? 0xc3 : 0xc2);
        } else if (value instanceof Number n) {
            long v = n.longValue();
            if (v < 0) {
                throw new IllegalArgumentException("negative integers are not needed: " + v);
            }
            if (v < 128) {
                out.writeByte((int) v);
            } else {
                out.writeByte(0xcf);
                out.writeLong(v);
            }
        } else if (value instanceof byte[] bytes) {
            out.writeByte(0xc5);
            out.writeShort(bytes.length);
            out.write(bytes);
        } else if (value instanceof List<?> list) {
            out.writeByte(0xdc);
            out.writeShort(list.size());
            for (Object item : list) {
                write(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(0xde);
            out.writeShort(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    static Object read(DataInputStream in) throws IOException {
        int b = in.readUnsignedByte();
        if (b <= 0x7f) {
            return (long) b;
        } else if (b >= 0xe0) {
            return (long) (byte) b;
        } else if ((b & 0xf0) == 0x80) {
            return map(in, b & 0x0f);
        } else if ((b & 0xf0) == 0x90) {
            return list(in, b & 0x0f);
        } else if ((b & 0xe0) == 0xa0) {
            return string(in, b & 0x1f);
        }
        return switch (b) {
            case 0xc0 -> NIL;
            case 0xc2 -> false;
            case 0xc3 -> true;
            case 0xc4, 0xd9 -> b == 0xc4 ? bytes(in, in.readUnsignedByte()) : string(in, in.readUnsignedByte());
            case 0xc5, 0xda -> b == 0xc5 ? bytes(in, in.readUnsignedShort()) : string(in, in.readUnsignedShort());
            case 0xc6, 0xdb -> b == 0xc6 ? bytes(in, in.readInt()) : string(in, in.readInt());
            case 0xca -> (double) in.readFloat();
            case 0xcb -> in.readDouble();
            case 0xcc -> (long) in.readUnsignedByte();
            case 0xcd -> (long) in.readUnsignedShort();
            case 0xce -> in.readInt() & 0xFFFF_FFFFL;
            case 0xcf, 0xd3 -> in.readLong();
            case 0xd0 -> (long) in.readByte();
            case 0xd1 -> (long) in.readShort();
            case 0xd2 -> (long) in.readInt();
            case 0xdc -> list(in, in.readUnsignedShort());
            case 0xdd -> list(in, in.readInt());
            case 0xde -> map(in, in.readUnsignedShort());
            case 0xdf -> map(in, in.readInt());
            default -> throw new IOException("unsupported msgpack type 0x" + Integer.toHexString(b));
        };
    }

    private static String string(DataInputStream in, int length) throws IOException {
        return new String(bytes(in, length), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(DataInputStream in, int length) throws IOException {
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("implausible msgpack length " + length);
        }
        byte[] data = new byte[length];
        in.readFully(data);
        return data;
    }

    private static List<Object> list(DataInputStream in, int size) throws IOException {
        List<Object> list = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            list.add(read(in));
        }
        return list;
    }

    private static Map<String, Object> map(DataInputStream in, int size) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            Object key = read(in);
            map.put(key instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(key),
                    read(in));
        }
        return map;
    }
}
