package io.grapevine.services.blocklog;

import io.grapevine.core.base.Bytes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node's copy of the chain: the verified blocks {@code 1..height()} (the last
 * {@code retainBlocks} of them kept in a ring, older ones forgotten but for the hash of the last
 * forgotten one) and a bounded buffer of blocks that arrived ahead of a gap.
 *
 * <p>Invariants: every stored block's hash is the SHA-256 of its contents and its previous hash
 * is the hash of the block before it (or the genesis hash for block 1), so the stored chain is
 * valid by construction; the buffer holds only self-consistent blocks numbered
 * {@code height()+2 .. height()+bufferBlocks}, so it never holds more than {@code bufferBlocks}
 * (memory: at most {@code retainBlocks + bufferBlocks} blocks, whatever is offered).
 *
 * <p>Not thread-safe: the node's thread only.
 */
public final class BlockStore {
    private final Block[] ring;
    private final int bufferBlocks;
    private final TreeMap<Long, Block> buffer = new TreeMap<>();
    private long height;
    private Bytes headHash = Block.GENESIS_HASH;

    /**
     * An empty chain.
     *
     * @param retainBlocks how many of the latest blocks to keep, at least 1
     * @param bufferBlocks how far ahead of the chain a block may be buffered, at least 1
     */
    public BlockStore(int retainBlocks, int bufferBlocks) {
        if (retainBlocks < 1) {
            throw new IllegalArgumentException("retainBlocks must be >= 1: " + retainBlocks);
        }
        if (bufferBlocks < 1) {
            throw new IllegalArgumentException("bufferBlocks must be >= 1: " + bufferBlocks);
        }
        this.ring = new Block[retainBlocks];
        this.bufferBlocks = bufferBlocks;
    }

    /** The result of an offer: the verdict and the blocks it appended, in chain order (none unless APPENDED). */
    public record Offer(Verdict verdict, List<Block> appended, int bufferedRejected) {
        /** Copies the list. */
        public Offer {
            appended = List.copyOf(appended);
        }
    }

    /** Number of the last verified block; 0 when the chain is empty. */
    public long height() {
        return height;
    }

    /** Hash of the last verified block; the genesis hash when the chain is empty. */
    public Bytes headHash() {
        return headHash;
    }

    /** Lowest number still held ({@code height() + 1} when nothing is held). */
    public long lowestRetained() {
        return Math.max(1, height - ring.length + 1);
    }

    /** Number of blocks waiting in the buffer. */
    public int bufferedCount() {
        return buffer.size();
    }

    /** The stored block numbered {@code number}, if it is within the retained window. */
    public Optional<Block> block(long number) {
        if (number < lowestRetained() || number > height) {
            return Optional.empty();
        }
        return Optional.of(ring[slot(number)]);
    }

    /** The stored blocks {@code from..to} that are retained, at most {@code max}, in order. */
    public List<Block> range(long from, long to, int max) {
        List<Block> blocks = new ArrayList<>();
        for (long n = Math.max(from, lowestRetained()); n <= Math.min(to, height) && blocks.size() < max; n++) {
            blocks.add(ring[slot(n)]);
        }
        return Collections.unmodifiableList(blocks);
    }

    /**
     * Verifies {@code block} against the chain and stores, buffers or drops it; an appended block
     * drains the buffered ones that now follow (a buffered block that fails its link is dropped
     * and counted in {@link Offer#bufferedRejected()}).
     */
    public Offer offer(Block block) {
        if (!block.hashValid()) {
            return new Offer(Verdict.TAMPERED, List.of(), 0);
        }
        long n = block.number();
        if (n <= height) {
            if (n < lowestRetained()) {
                return new Offer(Verdict.STALE, List.of(), 0);
            }
            return new Offer(ring[slot(n)].hash().equals(block.hash()) ? Verdict.DUPLICATE : Verdict.CONFLICT,
                    List.of(), 0);
        }
        if (n == height + 1) {
            if (!block.previousHash().equals(headHash)) {
                return new Offer(Verdict.BROKEN_LINK, List.of(), 0);
            }
            return appendAndDrain(block);
        }
        if (n > height + bufferBlocks) {
            return new Offer(Verdict.OUT_OF_WINDOW, List.of(), 0);
        }
        Block held = buffer.get(n);
        if (held != null) {
            return new Offer(held.hash().equals(block.hash()) ? Verdict.DUPLICATE : Verdict.CONFLICT, List.of(), 0);
        }
        buffer.put(n, block);
        return new Offer(Verdict.BUFFERED, List.of(), 0);
    }

    private Offer appendAndDrain(Block block) {
        List<Block> appended = new ArrayList<>();
        append(block);
        appended.add(block);
        int rejected = 0;
        while (!buffer.isEmpty() && buffer.firstKey() <= height + 1) {
            Block next = buffer.pollFirstEntry().getValue();
            if (next.number() != height + 1) {
                continue; // unreachable: the buffer holds only blocks above height + 1
            }
            if (next.previousHash().equals(headHash)) {
                append(next);
                appended.add(next);
            } else {
                rejected++;
            }
        }
        return new Offer(Verdict.APPENDED, appended, rejected);
    }

    private void append(Block block) {
        height = block.number();
        headHash = block.hash();
        ring[slot(height)] = block;
    }

    private int slot(long number) {
        return (int) ((number - 1) % ring.length);
    }
}
