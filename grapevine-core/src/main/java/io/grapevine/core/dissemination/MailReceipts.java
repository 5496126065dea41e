package io.grapevine.core.dissemination;

import io.grapevine.core.base.Address;
import io.grapevine.core.wire.MailAck;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.WireCodec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The receiver's side of acknowledged direct mail: the acknowledgements this node owes, per
 * member address. An owed acknowledgement rides on the next packet this node sends to that
 * address within {@code delayNanos} ({@link #attach}); when none leaves in time it is due and
 * goes alone ({@link #takeDue}).
 *
 * <p>Bounded against a flood of tags: at most {@link #MAX_ADDRESSES} addresses and
 * {@link MailAck#MAX_IDS} ids per address are owed; past either bound the eldest debt is due
 * at once. Confined to the node's thread.
 */
public final class MailReceipts {
    /** Most addresses owed an acknowledgement at once. */
    public static final int MAX_ADDRESSES = 1024;

    private static final class Owed {
        final List<Long> ids = new ArrayList<>(4);
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
        if (debt.ids.size() >= MailAck.MAX_IDS) {
            // full: due at once; a tag beyond the bound goes unacknowledged and its mail is resent
            if (!debt.urgent) {
                debt.urgent = true;
                debt.dueNanos = Math.min(debt.dueNanos, nowNanos);
                urgent++;
            }
            return;
        }
        if (!debt.ids.contains(id)) {
            debt.ids.add(id);
        }
    }

    /** Adds what is owed to {@code to} to {@code packet}, if anything is and it fits. */
    public void attach(Address to, PacketBuilder packet) {
        if (owed.isEmpty()) {
            return;
        }
        Owed debt = owed.get(to);
        if (debt != null && packet.tryAdd(WireCodec.encodeFrame(new MailAck(debt.ids)))) {
            settle(owed.remove(to));
        }
    }

    /** Removes and returns the debts due at {@code nowNanos}, each as the frame to send alone. */
    public List<Map.Entry<Address, byte[]>> takeDue(long nowNanos) {
        List<Map.Entry<Address, byte[]>> due = new ArrayList<>();
        Iterator<Map.Entry<Address, Owed>> it = owed.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Address, Owed> debt = it.next();
            if (debt.getValue().dueNanos > nowNanos) {
                if (urgent == 0) {
                    break;
                }
                continue;
            }
            due.add(Map.entry(debt.getKey(), WireCodec.encodeFrame(new MailAck(debt.getValue().ids))));
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

    /** Addresses owed an acknowledgement now. */
    public int owedAddresses() {
        return owed.size();
    }
}
