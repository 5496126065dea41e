package io.grapevine.core.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.wire.Decoded;
import io.grapevine.core.wire.MailAck;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.WireCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receiver's owed acknowledgements: they ride when they can, go alone when due, and stay bounded. */
class MailReceiptsTest {
    private static final long MS = 1_000_000L;
    private static final Address A = new Address("10.0.0.1", 7946);
    private static final Address B = new Address("10.0.0.2", 7946);
    private static final byte[] HEADER = WireCodec.header("", new NodeId("me", new Address("10.0.0.9", 7946), 1));

    private static List<Long> idsIn(byte[] packet) {
        Decoded decoded = WireCodec.decode(packet, "", 1400);
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        return ((MailAck) ((Decoded.Ok) decoded).packet().messages().get(0)).ids();
    }

    @Test
    void anOwedAcknowledgementRidesOnTheNextPacketToItsAddressOnly() {
        MailReceipts receipts = new MailReceipts(5 * MS);
        receipts.owe(A, 7, 0);
        receipts.owe(A, 8, 1 * MS);
        receipts.owe(A, 7, 2 * MS);
        PacketBuilder toB = new PacketBuilder(1400).start(HEADER);
        receipts.attach(B, toB);
        assertThat(toB.count()).isZero();
        PacketBuilder toA = new PacketBuilder(1400).start(HEADER);
        receipts.attach(A, toA);
        assertThat(idsIn(toA.build())).containsExactly(7L, 8L);
        assertThat(receipts.owedAddresses()).isZero();
        assertThat(receipts.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anAcknowledgementWithoutARideIsDueAfterTheDelay() {
        MailReceipts receipts = new MailReceipts(5 * MS);
        receipts.owe(A, 1, 0);
        receipts.owe(B, 2, 3 * MS);
        assertThat(receipts.nextDeadlineNanos()).isEqualTo(5 * MS);
        assertThat(receipts.takeDue(4 * MS)).isEmpty();
        var due = receipts.takeDue(5 * MS);
        assertThat(due).hasSize(1);
        assertThat(due.get(0).to()).isEqualTo(A);
        assertThat(receipts.nextDeadlineNanos()).isEqualTo(8 * MS);
    }

    @Test
    void aFloodOfTagsStaysBounded() {
        MailReceipts receipts = new MailReceipts(5 * MS);
        for (int i = 0; i < 3 * MailReceipts.MAX_ADDRESSES; i++) {
            receipts.owe(new Address("10.1." + (i / 250) + "." + (i % 250), 7946), i + 1, 0);
            receipts.takeDue(0);
        }
        assertThat(receipts.owedAddresses()).isLessThanOrEqualTo(MailReceipts.MAX_ADDRESSES);
        for (int id = 1; id <= 3 * MailAck.MAX_IDS; id++) {
            receipts.owe(A, id, 0);
        }
        // a full debt is due at once, whatever its place in the order
        assertThat(receipts.nextDeadlineNanos()).isZero();
        var due = receipts.takeDue(0);
        assertThat(due).anySatisfy(d -> {
            assertThat(d.to()).isEqualTo(A);
        });
    }
}
