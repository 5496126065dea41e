package io.grapevine.services.slotmap;

import java.util.Optional;

/**
 * A "smart client"'s slot cache, as Redis clients keep one: key to owner from the last view it
 * was given, corrected slot by slot when a node answers {@code MOVED slot owner}, replaced whole by
 * {@link #refresh}. It may be stale; that is what MOVED is for.
 *
 * <p>Not thread-safe: one client thread, or external locking.
 */
public final class SlotRouter {
    private final String[] owners = new String[KeySlot.SLOTS];
    private long moves;

    /** An empty cache: every key routes nowhere until a {@link #refresh} or {@link #moved}. */
    public SlotRouter() {
    }

    /** A cache filled from {@code view}. */
    public SlotRouter(SlotMapView view) {
        refresh(view);
    }

    /** The owner of {@code key}'s slot, as cached. */
    public Optional<String> route(String key) {
        return Optional.ofNullable(owners[KeySlot.of(key)]);
    }

    /** The cached owner of {@code slot}. @throws IllegalArgumentException if not a slot */
    public Optional<String> routeSlot(int slot) {
        if (slot < 0 || slot >= KeySlot.SLOTS) {
            throw new IllegalArgumentException("slot must be in 0..16383: " + slot);
        }
        return Optional.ofNullable(owners[slot]);
    }

    /** A MOVED answer: {@code slot} now lives on {@code owner}. @throws IllegalArgumentException if not a slot */
    public void moved(int slot, String owner) {
        routeSlot(slot);
        owners[slot] = owner;
        moves++;
    }

    /** Replaces the whole cache with {@code view}'s owners. */
    public void refresh(SlotMapView view) {
        for (int slot = 0; slot < KeySlot.SLOTS; slot++) {
            owners[slot] = view.owner(slot).orElse(null);
        }
    }

    /** How many MOVED corrections the cache has taken. */
    public long moves() {
        return moves;
    }
}
