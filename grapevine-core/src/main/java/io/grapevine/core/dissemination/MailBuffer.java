package io.grapevine.core.dissemination;

import io.grapevine.core.base.NodeId;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sender's buffer of direct mail awaiting acknowledgement: which recipients of each tagged
 * mail have not acknowledged it yet, and when it is sent again. A mail is resent
 * {@code retries} times at most, the first after the wait {@code retryWait} gives at the time
 * of sending (at least {@code directMailRetryNanos}, longer when round trips are slow) and each
 * next one after twice the wait before it, to its recipients that have not acknowledged it and are still
 * live in the same life; then it is forgotten (rumors and anti-entropy are the backstop).
 *
 * <p>Bounded: at most {@code capacity} (mail, recipient) pairs are held. To make room the
 * oldest mail of the lowest class held is dropped, never one of a higher class than the
 * newcomer (then the newcomer is not held); each drop is counted by class. A mail with the
 * supersede key of a held one replaces it (a newer write of the same key, a newer verdict on
 * the same member). Confined to the node's thread.
 */
final class MailBuffer {
    private static final RumorPriority[] CLASSES = RumorPriority.values();

    /** One tagged mail and the recipients that still owe an acknowledgement. */
    static final class Mail {
        final long id;
        final String supersedeKey;
        final RumorPriority priority;
        final List<byte[]> frames;
        final List<MemberEntry> recipients;
        final List<NodeId> lives;
        int resends;
        long dueNanos;
        boolean done;

        Mail(long id, String supersedeKey, RumorPriority priority, List<byte[]> frames, List<MemberEntry> recipients) {
            this.id = id;
            this.supersedeKey = supersedeKey;
            this.priority = priority;
            this.frames = frames;
            this.recipients = new ArrayList<>(recipients);
            this.lives = new ArrayList<>(recipients.size());
            for (MemberEntry recipient : recipients) {
                lives.add(recipient.id());
            }
        }
    }

    private final int retries;
    private final java.util.function.LongSupplier retryWait;
    private final int capacity;
    private final MemberTable table;
    private final Map<Long, Mail> byId = new HashMap<>();
    private final Map<String, Mail> byKey = new HashMap<>();
    /**
     * waiting.get(k): mails due for resend k + 1, in the order they were queued; with a steady
     * wait that is due order (a wait that shrinks can leave a later mail due before an earlier
     * one: it is then resent when the one ahead of it is, a little late, never lost).
     */
    private final List<ArrayDeque<Mail>> waiting = new ArrayList<>();
    /** Held mails of each class, oldest first (finished ones are skipped lazily). */
    private final List<ArrayDeque<Mail>> byClass = new ArrayList<>(CLASSES.length);
    private final long[] dropsByClass = new long[CLASSES.length];
    private int pairs;
    private long acknowledged;
    private long resent;

    MailBuffer(int retries, java.util.function.LongSupplier retryWait, int capacity, MemberTable table) {
        this.retries = retries;
        this.retryWait = retryWait;
        this.capacity = capacity;
        this.table = table;
        for (int i = 0; i < retries; i++) {
            waiting.add(new ArrayDeque<>());
        }
        for (int i = 0; i < CLASSES.length; i++) {
            byClass.add(new ArrayDeque<>());
        }
    }

    /**
     * Holds {@code mail}, just sent, for its first resend; false (and counted) when the buffer
     * is full of higher classes.
     */
    boolean hold(Mail mail, long nowNanos) {
        if (retries == 0) {
            return false;
        }
        if (mail.supersedeKey != null) {
            Mail older = byKey.get(mail.supersedeKey);
            if (older != null) {
                finish(older);
            }
        }
        if (!makeRoom(mail.priority, mail.recipients.size())) {
            dropsByClass[mail.priority.ordinal()]++;
            return false;
        }
        mail.dueNanos = nowNanos + retryWait.getAsLong();
        byId.put(mail.id, mail);
        if (mail.supersedeKey != null) {
            byKey.put(mail.supersedeKey, mail);
        }
        waiting.get(0).addLast(mail);
        byClass.get(mail.priority.ordinal()).addLast(mail);
        pairs += mail.recipients.size();
        return true;
    }

    private boolean makeRoom(RumorPriority priority, int needed) {
        if (needed > capacity) {
            return false;
        }
        for (int c = CLASSES.length - 1; c >= priority.ordinal() && pairs + needed > capacity; c--) {
            ArrayDeque<Mail> held = byClass.get(c);
            while (!held.isEmpty() && pairs + needed > capacity) {
                Mail oldest = held.pollFirst();
                if (!oldest.done) {
                    finish(oldest);
                    dropsByClass[c]++;
                }
            }
        }
        return pairs + needed <= capacity;
    }

    /** {@code from} acknowledged the mails {@code ids}. */
    void acknowledged(String from, List<Long> ids) {
        for (long id : ids) {
            Mail mail = byId.get(id);
            if (mail == null) {
                continue;
            }
            for (int i = 0; i < mail.recipients.size(); i++) {
                if (mail.recipients.get(i).name().equals(from)) {
                    mail.recipients.remove(i);
                    mail.lives.remove(i);
                    pairs--;
                    acknowledged++;
                    break;
                }
            }
            if (mail.recipients.isEmpty()) {
                finish(mail);
            }
        }
    }

    /** Receives each recipient a due mail is resent to. */
    interface Resend {
        void to(MemberEntry recipient, List<byte[]> frames);
    }

    /** Resends every due mail to its recipients that still owe an acknowledgement and are live. */
    void resendDue(long nowNanos, Resend resend) {
        for (int level = 0; level < waiting.size(); level++) {
            ArrayDeque<Mail> queue = waiting.get(level);
            while (!queue.isEmpty() && (queue.peekFirst().done || queue.peekFirst().dueNanos <= nowNanos)) {
                Mail mail = queue.pollFirst();
                if (mail.done) {
                    continue;
                }
                dropGone(mail);
                for (MemberEntry recipient : mail.recipients) {
                    resend.to(recipient, mail.frames);
                    resent++;
                }
                mail.resends++;
                if (mail.recipients.isEmpty() || mail.resends >= retries) {
                    finish(mail);
                } else {
                    mail.dueNanos = nowNanos + (retryWait.getAsLong() << mail.resends);
                    waiting.get(mail.resends).addLast(mail);
                }
            }
        }
        for (ArrayDeque<Mail> held : byClass) {
            while (!held.isEmpty() && held.peekFirst().done) {
                held.pollFirst();
            }
        }
    }

    /** Forgets the recipients that died, left or restarted since the mail was sent. */
    private void dropGone(Mail mail) {
        for (int i = mail.recipients.size() - 1; i >= 0; i--) {
            MemberEntry recipient = mail.recipients.get(i);
            if (!recipient.status().isLive() || table.get(recipient.name()) != recipient
                    || !recipient.id().equals(mail.lives.get(i))) {
                mail.recipients.remove(i);
                mail.lives.remove(i);
                pairs--;
            }
        }
    }

    private void finish(Mail mail) {
        if (mail.done) {
            return;
        }
        mail.done = true;
        pairs -= mail.recipients.size();
        byId.remove(mail.id);
        if (mail.supersedeKey != null && byKey.get(mail.supersedeKey) == mail) {
            byKey.remove(mail.supersedeKey);
        }
    }

    /** When the next resend is due, or {@code Long.MAX_VALUE}. */
    long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (ArrayDeque<Mail> queue : waiting) {
            while (!queue.isEmpty() && queue.peekFirst().done) {
                queue.pollFirst();
            }
            if (!queue.isEmpty()) {
                next = Math.min(next, queue.peekFirst().dueNanos);
            }
        }
        return next;
    }

    /** (mail, recipient) pairs held. */
    int pairs() {
        return pairs;
    }

    long acknowledgedCount() {
        return acknowledged;
    }

    long resentCount() {
        return resent;
    }

    long drops(RumorPriority priority) {
        return dropsByClass[priority.ordinal()];
    }
}
