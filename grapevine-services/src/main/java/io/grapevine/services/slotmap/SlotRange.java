package io.grapevine.services.slotmap;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * A contiguous range of hash slots, {@code first..last} inclusive, as Redis writes {@code 0-5460}.
 *
 * @param first the lowest slot, in {@code [0, 16384)}
 * @param last the highest slot, in {@code [first, 16384)}
 */
public record SlotRange(int first, int last) {
    /** Validates the bounds. @throws IllegalArgumentException naming the bad bound */
    public SlotRange {
        if (first < 0 || first >= KeySlot.SLOTS) {
            throw new IllegalArgumentException("first slot must be in 0..16383: " + first);
        }
        if (last < first || last >= KeySlot.SLOTS) {
            throw new IllegalArgumentException("last slot must be in " + first + "..16383: " + last);
        }
    }

    /** The one-slot range {@code slot..slot}. */
    public static SlotRange of(int slot) {
        return new SlotRange(slot, slot);
    }

    /** Parses {@code "5"} or {@code "0-5460"}. @throws IllegalArgumentException if it is neither */
    public static SlotRange parse(String text) {
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                return of(Integer.parseInt(text.trim()));
            }
            return new SlotRange(Integer.parseInt(text.substring(0, dash).trim()),
                    Integer.parseInt(text.substring(dash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a slot range is N or N-M: " + text);
        }
    }

    /** Number of slots in the range. */
    public int size() {
        return last - first + 1;
    }

    /** Whether {@code slot} is in the range. */
    public boolean contains(int slot) {
        return slot >= first && slot <= last;
    }

    /** The set slots of {@code slots} as ascending, maximal ranges (unmodifiable). */
    public static List<SlotRange> fromBits(BitSet slots) {
        List<SlotRange> ranges = new ArrayList<>();
        int start = slots.nextSetBit(0);
        while (start >= 0 && start < KeySlot.SLOTS) {
            int end = slots.nextClearBit(start) - 1;
            ranges.add(new SlotRange(start, Math.min(end, KeySlot.SLOTS - 1)));
            start = slots.nextSetBit(end + 1);
        }
        return Collections.unmodifiableList(ranges);
    }

    /** The slots of {@code ranges} as a bit set. */
    public static BitSet toBits(List<SlotRange> ranges) {
        BitSet bits = new BitSet(KeySlot.SLOTS);
        for (SlotRange range : ranges) {
            bits.set(range.first, range.last + 1);
        }
        return bits;
    }

    /** {@code 5} or {@code 0-5460}. */
    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
