package io.grapevine.core.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import org.junit.jupiter.api.Test;

/** {@link MemberTable#viewHash()}: a function of the entries, not of the order or history of changes. */
class MemberTableViewHashTest {
    private static NodeId id(int i) {
        return new NodeId("n" + i, new Address("10.0.0." + i, 7946), 1);
    }

    @Test
    void theSameEntriesAddedInAnyOrderHashTheSame() {
        MemberTable forward = new MemberTable(0, 16);
        MemberTable backward = new MemberTable(0, 16);
        for (int i = 0; i < 50; i++) {
            forward.add(id(i), i, MemberStatus.ALIVE, 0);
            backward.add(id(49 - i), 49 - i, MemberStatus.ALIVE, 7);
        }
        assertThat(forward.viewHash()).isEqualTo(backward.viewHash()).isNotZero();
    }

    @Test
    void everyFieldChangesTheHashAndUndoingAChangeRestoresIt() {
        MemberTable table = new MemberTable(0, 16);
        MemberEntry entry = table.add(id(1), 3, MemberStatus.ALIVE, 0);
        table.add(id(2), 0, MemberStatus.ALIVE, 0);
        long before = table.viewHash();
        table.update(entry, id(1), 4, MemberStatus.ALIVE, 1);
        long newerIncarnation = table.viewHash();
        table.update(entry, id(1), 4, MemberStatus.SUSPECT, 2);
        long suspect = table.viewHash();
        table.update(entry, new NodeId("n1", new Address("10.0.0.1", 7946), 2), 4, MemberStatus.SUSPECT, 3);
        long newGeneration = table.viewHash();
        table.update(entry, id(1), 3, MemberStatus.ALIVE, 4);
        assertThat(java.util.Set.of(before, newerIncarnation, suspect, newGeneration)).hasSize(4);
        assertThat(table.viewHash()).isEqualTo(before);
    }

    @Test
    void aReapedTombstoneLeavesTheHashOfTheTableWithoutIt() {
        MemberTable reaped = new MemberTable(0, 16);
        MemberTable never = new MemberTable(0, 16);
        reaped.add(id(1), 0, MemberStatus.ALIVE, 0);
        never.add(id(1), 0, MemberStatus.ALIVE, 0);
        reaped.add(id(2), 0, MemberStatus.DEAD, 0);
        reaped.reapTombstones(100, 10);
        assertThat(reaped.size()).isEqualTo(1);
        assertThat(reaped.viewHash()).isEqualTo(never.viewHash());
    }
}
