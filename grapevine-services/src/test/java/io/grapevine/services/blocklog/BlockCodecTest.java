package io.grapevine.services.blocklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.grapevine.core.base.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire format: round trips, and any bytes decode or are refused without throwing. */
class BlockCodecTest {
    private static final Block BLOCK = Block.create(7, Block.GENESIS_HASH, "node-0", Bytes.copyOf(new byte[] {1, 2, 3}));

    @Test
    void everyMessageRoundTrips() {
        List<BlockMessage> messages = List.of(new BlockMessage.Push(BLOCK), new BlockMessage.Hello(5, 9),
                new BlockMessage.Digest(5, 1, 9), new BlockMessage.Request(5, 3, 9),
                new BlockMessage.Response(5, List.of(BLOCK, BLOCK)));
        for (BlockMessage message : messages) {
            Bytes bytes = BlockCodec.encode(message);
            assertThat(bytes.length()).isEqualTo(BlockCodec.size(message));
            assertThat(BlockCodec.decode(bytes, 10)).contains(message);
        }
    }

    @Test
    void aResponseWithMoreBlocksThanTheBoundTrailingBytesOrATruncationIsRefused() {
        Bytes response = BlockCodec.encode(new BlockMessage.Response(1, List.of(BLOCK, BLOCK, BLOCK)));
        assertThat(BlockCodec.decode(response, 2)).isEmpty();
        byte[] longer = new byte[response.length() + 1];
        response.copyTo(longer, 0);
        assertThat(BlockCodec.decode(Bytes.copyOf(longer), 10)).isEmpty();
        assertThat(BlockCodec.decode(Bytes.copyOf(response.toArray(), 0, response.length() - 1), 10)).isEmpty();
        assertThat(BlockCodec.decode(Bytes.EMPTY, 10)).isEmpty();
    }

    @Test
    void arbitraryBytesNeverThrow() {
        qt().withExamples(2000).forAll(lists().of(integers().between(-128, 127)).ofSizeBetween(0, 300))
                .checkAssert(bytes -> BlockCodec.decode(Bytes.copyOf(unbox(bytes)), 10));
    }

    @Test
    void aFlippedByteOfAPushedBlockIsRefusedOrFailsItsHash() {
        byte[] push = BlockCodec.encode(new BlockMessage.Push(BLOCK)).toArray();
        qt().withExamples(500).forAll(integers().between(1, push.length - 1), longs().between(1, 255))
                .checkAssert((index, flip) -> {
                    byte[] copy = push.clone();
                    copy[index] ^= (byte) (long) flip;
                    BlockCodec.decode(Bytes.copyOf(copy), 10).ifPresent(message ->
                            assertThat(((BlockMessage.Push) message).block().hashValid()).isFalse());
                });
    }

    private static byte[] unbox(List<Integer> values) {
        byte[] bytes = new byte[values.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) values.get(i);
        }
        return bytes;
    }
}
