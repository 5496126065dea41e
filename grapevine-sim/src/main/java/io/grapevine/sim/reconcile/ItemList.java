package io.grapevine.sim.reconcile;

import java.util.Arrays;

/** A growable list of item indexes, reused between exchanges to avoid garbage. */
final class ItemList {
    private int[] items = new int[16];
    private int size;

    /** Appends {@code item}. */
    void add(int item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    /** The item at {@code index}. */
    int get(int index) {
        return items[index];
    }

    /** How many items. */
    int size() {
        return size;
    }

    /** Empties the list, keeping its capacity. */
    void clear() {
        size = 0;
    }
}
