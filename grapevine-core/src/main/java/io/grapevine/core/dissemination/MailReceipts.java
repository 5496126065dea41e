package io.grapevine.core.dissemination;

import io.grapevine.core.base.Address;
import io.grapevine.core.wire.MailAck;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.RumorKnown;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small replies this node owes, per member address: acknowledgements of direct mail
 * ({@link MailAck}) and rumor feedback ({@link RumorKnown}: rumors it already had). An owed
 * reply rides on the next packet this node sends to that address within {@code delayNanos}
 * ({@link #attach}); when none leaves in time it is due and goes alone ({@link #takeDue}).
 *
 * <p>Bounded against a flood: at most {@link #MAX_ADDRESSES} addresses, and
 * {@link MailAck#MAX_IDS} ids and {@link RumorKnown#MAX_HASHES} hashes per address, are owed;
 * past a bound the eldest debt is due at once (an id beyond it goes unacknowledged and its
 * mail is resent; a hash beyond it is not reported). Confined to the node's thread.
 */
public final class MailReceipts {
    /** Most addresses owed an acknowledgement at once. */
    public static final int MAX_ADDRESSES = 1024;

    private static final class Owed {
        final List<Long> ids = new ArrayList<>(4);
        final List<Integer> known = new ArrayList<>(0);
        long dueNanos;
        boolean urgent;
    }

    private final long delayNanos;
    /** Insertion order is due order (every debt waits the same delay from its first id), but for urgent debts. */
    private final LinkedHashMap<Address, Owed> owed = new LinkedHashMap<>();
    /** Debts made due early because they filled up; they may sit anywhere in the order. */
    private int urgent;

    /** Acknowledgements that wait up to {@code delayNanos} for a ride. */
    public MailReceipts(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    /** This node owes {@code to} an acknowledgement of mail {@code id}. */
    public void owe(Address to, long id, long nowNanos) {
        Owed debt = debtTo(to, nowNanos);
        if (debt.ids.size() >= MailAck.MAX_IDS) {
            markUrgent(debt, nowNanos);
            return;
        }
        if (!debt.ids.contains(id)) {
            debt.ids.add(id);
        }
    }

    /** This node owes {@code to} the feedback that it already had the rumor whose key hashes to {@code keyHash}. */
    public void oweKnown(Address to, int keyHash, long nowNanos) {
        Owed debt = debtTo(to, nowNanos);
        if (debt.known.size() >= RumorKnown.MAX_HASHES) {
            markUrgent(debt, nowNanos);
            return;
        }
        if (!debt.known.contains(keyHash)) {
            debt.known.add(keyHash);
        }
    }

    private void markUrgent(Owed debt, long nowNanos) {
        // full: due at once, whatever its place in the order
        if (!debt.urgent) {
            debt.urgent = true;
            debt.dueNanos = Math.min(debt.dueNanos, nowNanos);
            urgent++;
        }
    }

    private Owed debtTo(Address to, long nowNanos) {
        Owed debt = owed.get(to);
        if (debt == null) {
            debt = new Owed();
            debt.dueNanos = nowNanos + delayNanos;
            owed.put(to, debt);
            if (owed.size() > MAX_ADDRESSES) {
                // the eldest is first in the order, so making it due now needs no urgent mark
                Owed eldest = owed.values().iterator().next();
                eldest.dueNanos = Math.min(eldest.dueNanos, nowNanos);
            }
        }
        return debt;
    }

    /** The frames that pay {@code debt}: an acknowledgement, feedback, or both. */
    private static List<byte[]> framesOf(Owed debt) {
        List<byte[]> frames = new ArrayList<>(2);
        if (!debt.ids.isEmpty()) {
            frames.add(WireCodec.encodeFrame(new MailAck(debt.ids)));
        }
        if (!debt.known.isEmpty()) {
            frames.add(WireCodec.encodeFrame(new RumorKnown(debt.known)));
        }
        return frames;
    }

    /** A debt due now: the frames to send alone to {@code to}, and the rumor hashes they report {@code to} has. */
    public record Due(Address to, List<byte[]> frames, List<Integer> known) {
    }

    /**
     * Adds what is owed to {@code to} to {@code packet}, if anything is and it fits; returns the
     * rumor-key hashes it reported (rumors {@code to} sent here, so not worth sending back).
     */
    public List<Integer> attach(Address to, PacketBuilder packet) {
        if (owed.isEmpty()) {
            return List.of();
        }
        Owed debt = owed.get(to);
        if (debt == null) {
            return List.of();
        }
        List<byte[]> frames = framesOf(debt);
        int length = 0;
        for (byte[] frame : frames) {
            length += frame.length;
        }
        if (length <= packet.remaining()) {
            for (byte[] frame : frames) {
                packet.tryAdd(frame);
            }
            settle(owed.remove(to));
            return debt.known;
        }
        return List.of();
    }

    /** Removes and returns the debts due at {@code nowNanos}, each as the frames to send alone. */
    public List<Due> takeDue(long nowNanos) {
        List<Due> due = new ArrayList<>();
        Iterator<Map.Entry<Address, Owed>> it = owed.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Address, Owed> debt = it.next();
            if (debt.getValue().dueNanos > nowNanos) {
                if (urgent == 0) {
                    break;
                }
                continue;
            }
            due.add(new Due(debt.getKey(), framesOf(debt.getValue()), debt.getValue().known));
            it.remove();
            settle(debt.getValue());
        }
        return due;
    }

    private void settle(Owed debt) {
        if (debt.urgent) {
            urgent--;
        }
    }

    /** When the eldest debt is due, or {@code Long.MAX_VALUE} when nothing is owed. */
    public long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (Owed debt : owed.values()) {
            next = Math.min(next, debt.dueNanos);
            if (urgent == 0) {
                break;
            }
        }
        return next;
    }

    /** Addresses owed a reply now. */
    public int owedAddresses() {
        return owed.size();
    }
}
