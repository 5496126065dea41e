package io.grapevine.core.detector;

import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.dissemination.Transmitter;
import io.grapevine.core.membership.MemberEntry;
import io.grapevine.core.membership.MemberTable;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.PacketSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells a member we hold as suspect or dead that we do, as soon as we hear from it, so it
 * can refute at once. Without this, a suspicion whose rumor was spent where the accused
 * could not hear it (inside a partition, say) reaches the accused only through a probe by a
 * suspecting node, and may time out first. At most one notice per member per protocol
 * period; the memory of notices sent is bounded. Confined to the node's thread.
 */
public final class AccusationNotifier {
    private final DetectorConfig config;
    private final MemberTable table;
    private final Transmitter transmitter;
    private final String selfName;
    private final Map<String, Long> lastNotice = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > config.accusationNoticesRemembered();
        }
    };

    /** Notices from {@code selfName}, sent through {@code transmitter}. */
    public AccusationNotifier(DetectorConfig config, MemberTable table, Transmitter transmitter, String selfName) {
        this.config = config;
        this.table = table;
        this.transmitter = transmitter;
        this.selfName = selfName;
    }

    /** A packet from {@code sender} arrived: if we accuse it, say so to its face. */
    public void heardFrom(NodeId sender, long nowNanos, PacketSink out) {
        MemberEntry entry = table.get(sender.name());
        if (entry == null || !entry.id().equals(sender)) {
            return;
        }
        MemberStatus status = entry.status();
        if (status != MemberStatus.SUSPECT && status != MemberStatus.DEAD) {
            return;
        }
        Long last = lastNotice.get(sender.name());
        if (last != null && nowNanos - last < config.probeIntervalNanos()) {
            return;
        }
        lastNotice.put(sender.name(), nowNanos);
        transmitter.send(entry.id().address(), new MemberUpdate(entry.id(), entry.incarnation(), status, selfName), out);
    }
}
