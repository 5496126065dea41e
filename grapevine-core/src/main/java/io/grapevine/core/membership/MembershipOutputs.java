package io.grapevine.core.membership;

import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.PacketSink;

/**
 * The events the membership rules emit; the facade turns them into cluster events for the
 * application. A packet sink as well: the few updates every member must hear at once (a
 * leave, a refutation) are mailed during the input that caused them. Called on the node's
 * thread, during the input that caused them.
 */
public interface MembershipOutputs extends PacketSink {
    /** {@code member}'s entry changed ({@code change}) on the word of {@code onWordOf}. */
    void memberChanged(Member member, Change change, String onWordOf);

    /** Two live nodes claim one name: {@code kept} won the tie-break, {@code rejected} lost. */
    void nameConflict(NodeId kept, NodeId rejected);
}
