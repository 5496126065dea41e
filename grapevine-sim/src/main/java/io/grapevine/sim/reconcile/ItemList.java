package io.grapevine.sim.reconcile;

import java.util.Arrays;

/** A growable list of item indexes, reused between exchanges to avoid garbage. */
final class ItemList {
    private int[] items = new int[16];
    private int size;

    void add(int item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    int get(int index) {
        return items[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }
}
