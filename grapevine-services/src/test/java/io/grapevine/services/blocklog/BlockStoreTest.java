package io.grapevine.services.blocklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;

/** The chain's verification and the store's bounds. */
class BlockStoreTest {
    private static List<Block> chain(int length) {
        List<Block> blocks = new ArrayList<>();
        Bytes previous = Block.GENESIS_HASH;
        for (int n = 1; n <= length; n++) {
            Block block = Block.create(n, previous, "leader", Bytes.copyOf(("tx " + n).getBytes(StandardCharsets.UTF_8)));
            blocks.add(block);
            previous = block.hash();
        }
        return blocks;
    }

    @Test
    void theNextBlockIsAppendedAndChainedToItsPredecessor() {
        BlockStore store = new BlockStore(10, 10);
        List<Block> blocks = chain(3);
        for (Block block : blocks) {
            assertThat(store.offer(block).verdict()).isEqualTo(Verdict.APPENDED);
        }
        assertThat(store.height()).isEqualTo(3);
        assertThat(store.headHash()).isEqualTo(blocks.get(2).hash());
        assertThat(blocks.get(0).precedes(blocks.get(1))).isTrue();
        assertThat(store.offer(blocks.get(1)).verdict()).isEqualTo(Verdict.DUPLICATE);
    }

    @Test
    void aBlockWhoseContentsDoNotMatchItsHashIsTampered() {
        BlockStore store = new BlockStore(10, 10);
        Block honest = chain(1).get(0);
        Block tampered = new Block(1, honest.previousHash(), honest.producer(), Bytes.copyOf(new byte[] {1}), honest.hash());
        assertThat(tampered.hashValid()).isFalse();
        assertThat(store.offer(tampered).verdict()).isEqualTo(Verdict.TAMPERED);
        assertThat(store.height()).isZero();
    }

    @Test
    void aSelfConsistentBlockOnAnotherChainIsABrokenLinkOrAConflict() {
        BlockStore store = new BlockStore(10, 10);
        List<Block> blocks = chain(2);
        store.offer(blocks.get(0));
        Block forged = Block.create(2, Bytes.copyOf(new byte[32]), "mallory", Bytes.EMPTY);
        assertThat(store.offer(forged).verdict()).isEqualTo(Verdict.BROKEN_LINK);
        Block rival = Block.create(1, Block.GENESIS_HASH, "mallory", Bytes.EMPTY);
        assertThat(store.offer(rival).verdict()).isEqualTo(Verdict.CONFLICT);
        assertThat(store.offer(blocks.get(1)).verdict()).isEqualTo(Verdict.APPENDED);
        assertThat(Verdict.CONFLICT.rejects()).isTrue();
        assertThat(Verdict.DUPLICATE.rejects()).isFalse();
    }

    @Test
    void outOfOrderBlocksWaitInTheBufferUntilTheGapFills() {
        BlockStore store = new BlockStore(10, 5);
        List<Block> blocks = chain(7);
        assertThat(store.offer(blocks.get(3)).verdict()).isEqualTo(Verdict.BUFFERED);
        assertThat(store.offer(blocks.get(2)).verdict()).isEqualTo(Verdict.BUFFERED);
        assertThat(store.offer(blocks.get(1)).verdict()).isEqualTo(Verdict.BUFFERED);
        assertThat(store.offer(blocks.get(6)).verdict()).as("block 7 is beyond height 0 + 5").isEqualTo(Verdict.OUT_OF_WINDOW);
        assertThat(store.bufferedCount()).isEqualTo(3);
        BlockStore.Offer offer = store.offer(blocks.get(0));
        assertThat(offer.verdict()).isEqualTo(Verdict.APPENDED);
        assertThat(offer.appended()).containsExactlyElementsOf(blocks.subList(0, 4));
        assertThat(store.height()).isEqualTo(4);
        assertThat(store.bufferedCount()).isZero();
    }

    @Test
    void aBufferedBlockThatDoesNotLinkIsDroppedWhenTheGapFills() {
        BlockStore store = new BlockStore(10, 5);
        List<Block> blocks = chain(2);
        Block stranger = Block.create(3, Bytes.copyOf(new byte[32]), "mallory", Bytes.EMPTY);
        assertThat(store.offer(stranger).verdict()).isEqualTo(Verdict.BUFFERED);
        store.offer(blocks.get(0));
        BlockStore.Offer offer = store.offer(blocks.get(1));
        assertThat(offer.appended()).containsExactly(blocks.get(1));
        assertThat(offer.bufferedRejected()).isEqualTo(1);
        assertThat(store.height()).isEqualTo(2);
        assertThat(store.bufferedCount()).isZero();
    }

    @Test
    void theBufferNeverHoldsMoreThanItsBoundWhateverIsOffered() {
        BlockStore store = new BlockStore(4, 8);
        for (int n = 2; n < 1000; n++) {
            store.offer(Block.create(n, Bytes.copyOf(new byte[32]), "flood", Bytes.EMPTY));
            assertThat(store.bufferedCount()).isLessThanOrEqualTo(8);
        }
        assertThat(store.bufferedCount()).isEqualTo(7); // blocks 2..8
    }

    @Test
    void onlyTheLatestRetainedBlocksAreKeptAndOlderOnesAreStale() {
        BlockStore store = new BlockStore(4, 8);
        List<Block> blocks = chain(10);
        blocks.forEach(store::offer);
        assertThat(store.height()).isEqualTo(10);
        assertThat(store.lowestRetained()).isEqualTo(7);
        assertThat(store.block(6)).isEmpty();
        assertThat(store.block(7)).contains(blocks.get(6));
        assertThat(store.range(1, 10, 100)).containsExactlyElementsOf(blocks.subList(6, 10));
        assertThat(store.range(7, 10, 2)).containsExactly(blocks.get(6), blocks.get(7));
        assertThat(store.offer(blocks.get(2)).verdict()).isEqualTo(Verdict.STALE);
    }

    @Test
    void badBoundsAndBadBlockShapesAreRefusedWithTheFieldsName() {
        assertThatThrownBy(() -> new BlockStore(0, 1)).hasMessageContaining("retainBlocks");
        assertThatThrownBy(() -> new BlockStore(1, 0)).hasMessageContaining("bufferBlocks");
        assertThatThrownBy(() -> Block.create(0, Block.GENESIS_HASH, "a", Bytes.EMPTY)).hasMessageContaining("number");
        assertThatThrownBy(() -> Block.create(1, Bytes.EMPTY, "a", Bytes.EMPTY)).hasMessageContaining("previousHash");
        assertThatThrownBy(() -> Block.create(1, Block.GENESIS_HASH, " ", Bytes.EMPTY)).hasMessageContaining("producer");
        assertThatThrownBy(() -> Block.create(1, Block.GENESIS_HASH, "a", Bytes.copyOf(new byte[Block.MAX_PAYLOAD_BYTES + 1])))
                .hasMessageContaining("payload");
    }

    @Test
    void anyOrderOfHonestDuplicateAndTamperedBlocksLeavesAValidChainWithinTheBounds() {
        List<Block> honest = chain(30);
        qt().withExamples(300).forAll(lists().of(integers().between(0, 89)).ofSizeBetween(0, 120))
                .checkAssert(picks -> {
                    BlockStore store = new BlockStore(40, 12);
                    for (int pick : picks) {
                        Block block = honest.get(pick % 30);
                        if (pick >= 60) { // a third of the picks: the block with its payload altered
                            block = new Block(block.number(), block.previousHash(), block.producer(),
                                    Bytes.copyOf(new byte[] {(byte) pick}), block.hash());
                        }
                        store.offer(block);
                        assertThat(store.bufferedCount()).isLessThanOrEqualTo(12);
                    }
                    for (long n = 1; n <= store.height(); n++) {
                        assertThat(store.block(n)).contains(honest.get((int) n - 1));
                    }
                    // every honest block offered afterwards, in order, completes the chain
                    honest.forEach(store::offer);
                    assertThat(store.height()).isEqualTo(30);
                    assertThat(store.bufferedCount()).isZero();
                });
    }
}
