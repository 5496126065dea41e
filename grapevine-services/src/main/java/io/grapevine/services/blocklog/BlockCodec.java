package io.grapevine.services.blocklog;

import io.grapevine.core.base.Bytes;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The block log's wire format: one byte of kind (1 push, 2 hello, 3 digest, 4 request, 5
 * response), then big-endian fields. A block is its number (8 bytes), previous hash and hash (32
 * each), producer (2-byte length, UTF-8) and payload (4-byte length). A response is a nonce, a
 * 2-byte count and that many blocks.
 *
 * <p>Decoding is total: any bytes give a message or empty (too short, too long, unknown kind, a
 * count above {@code maxBlocks}, a bad length, trailing bytes, invalid UTF-8); it never throws and
 * never allocates past the payload it was given. Stateless and thread-safe.
 */
public final class BlockCodec {
    private static final int BLOCK_FIXED_BYTES = 8 + 2 * Block.HASH_BYTES + 2 + 4;

    private BlockCodec() {
    }

    /** The bytes of {@code message}. */
    public static Bytes encode(BlockMessage message) {
        ByteBuffer out = ByteBuffer.allocate(size(message));
        out.put((byte) (message.kind().ordinal() + 1));
        switch (message.kind()) {
            case PUSH -> putBlock(out, ((BlockMessage.Push) message).block());
            case HELLO -> {
                BlockMessage.Hello hello = (BlockMessage.Hello) message;
                out.putLong(hello.nonce()).putLong(hello.height());
            }
            case DIGEST -> {
                BlockMessage.Digest digest = (BlockMessage.Digest) message;
                out.putLong(digest.nonce()).putLong(digest.low()).putLong(digest.high());
            }
            case REQUEST -> {
                BlockMessage.Request request = (BlockMessage.Request) message;
                out.putLong(request.nonce()).putLong(request.from()).putLong(request.to());
            }
            case RESPONSE -> {
                BlockMessage.Response response = (BlockMessage.Response) message;
                out.putLong(response.nonce()).putShort((short) response.blocks().size());
                response.blocks().forEach(block -> putBlock(out, block));
            }
            default -> throw new IllegalStateException("unknown kind " + message.kind());
        }
        return Bytes.copyOf(out.array());
    }

    /** Decodes {@code payload}, or empty if it is not a well-formed message with at most {@code maxBlocks} blocks. */
    public static Optional<BlockMessage> decode(Bytes payload, int maxBlocks) {
        ByteBuffer in = ByteBuffer.wrap(payload.toArray());
        try {
            Optional<BlockMessage> message = read(in, maxBlocks);
            return in.hasRemaining() ? Optional.empty() : message;
        } catch (BufferUnderflowException | IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty(); // truncated, or a field the records reject: peer junk, dropped
        }
    }

    private static Optional<BlockMessage> read(ByteBuffer in, int maxBlocks) throws CharacterCodingException {
        int kind = in.get();
        switch (kind) {
            case 1:
                return Optional.of(new BlockMessage.Push(readBlock(in)));
            case 2:
                return Optional.of(new BlockMessage.Hello(in.getLong(), in.getLong()));
            case 3:
                return Optional.of(new BlockMessage.Digest(in.getLong(), in.getLong(), in.getLong()));
            case 4:
                return Optional.of(new BlockMessage.Request(in.getLong(), in.getLong(), in.getLong()));
            case 5:
                long nonce = in.getLong();
                int count = in.getShort() & 0xFFFF;
                if (count > maxBlocks || count * (long) BLOCK_FIXED_BYTES > in.remaining()) {
                    return Optional.empty();
                }
                List<Block> blocks = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    blocks.add(readBlock(in));
                }
                return Optional.of(new BlockMessage.Response(nonce, blocks));
            default:
                return Optional.empty();
        }
    }

    private static Block readBlock(ByteBuffer in) throws CharacterCodingException {
        long number = in.getLong();
        Bytes previous = readBytes(in, Block.HASH_BYTES);
        Bytes hash = readBytes(in, Block.HASH_BYTES);
        int producerLength = in.getShort() & 0xFFFF;
        if (producerLength > Block.MAX_PRODUCER_BYTES) {
            throw new IllegalArgumentException("producer too long");
        }
        Bytes producerBytes = readBytes(in, producerLength);
        String producer = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(producerBytes.toArray())).toString();
        int payloadLength = in.getInt();
        if (payloadLength < 0 || payloadLength > Block.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload too long");
        }
        return new Block(number, previous, producer, readBytes(in, payloadLength), hash);
    }

    private static Bytes readBytes(ByteBuffer in, int length) {
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return Bytes.copyOf(bytes);
    }

    private static void putBlock(ByteBuffer out, Block block) {
        out.putLong(block.number());
        out.put(block.previousHash().toArray());
        out.put(block.hash().toArray());
        byte[] producer = block.producer().getBytes(StandardCharsets.UTF_8);
        out.putShort((short) producer.length).put(producer);
        out.putInt(block.payload().length());
        out.put(block.payload().toArray());
    }

    /** Encoded size of {@code message}, in bytes. */
    public static int size(BlockMessage message) {
        return 1 + switch (message.kind()) {
            case PUSH -> blockSize(((BlockMessage.Push) message).block());
            case HELLO -> 16;
            case DIGEST, REQUEST -> 24;
            case RESPONSE -> 10 + ((BlockMessage.Response) message).blocks().stream().mapToInt(BlockCodec::blockSize).sum();
        };
    }

    private static int blockSize(Block block) {
        return BLOCK_FIXED_BYTES + block.producer().getBytes(StandardCharsets.UTF_8).length + block.payload().length();
    }
}
