package io.grapevine.core.dissemination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.base.SplitMix64;
import io.grapevine.core.wire.PacketBuilder;
import io.grapevine.core.wire.WireCodec;
import org.junit.jupiter.api.Test;

/** The four rumor-mongering variants in the piggyback queue: when each rumor leaves. */
class RumorPolicyTest {
    private static final byte[] HEADER = WireCodec.header("", new NodeId("n", new Address("h", 1), 1));
    private static final byte[] FRAME = {5, 1, 0};

    private static int send(RumorQueue queue, int limit) {
        return queue.fill(new PacketBuilder(256).start(HEADER), limit);
    }

    @Test
    void parseReadsEveryVariantAndRefusesOthersByName() {
        assertThat(RumorPolicy.parse("feedback-coin:3")).isEqualTo(
                new RumorPolicy(RumorPolicy.Interest.FEEDBACK, RumorPolicy.Stop.COIN, 3));
        assertThat(RumorPolicy.parse("blind-counter")).isEqualTo(RumorPolicy.blindCounter());
        assertThat(RumorPolicy.parse("feedback-counter:2").toString()).isEqualTo("feedback-counter:2");
        assertThatThrownBy(() -> RumorPolicy.parse("loud-counter")).hasMessageContaining("blind, feedback");
        assertThatThrownBy(() -> RumorPolicy.parse("blind-dice")).hasMessageContaining("counter, coin");
        assertThatThrownBy(() -> RumorPolicy.parse("blind-coin:x")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> RumorPolicy.parse("blind-coin:1001")).hasMessageContaining("0..1000");
    }

    @Test
    void blindCounterLeavesAfterExactlyKTransmissions() {
        RumorQueue queue = new RumorQueue(16);
        queue.offer("a", RumorPriority.USER, FRAME, new RumorPolicy(RumorPolicy.Interest.BLIND, RumorPolicy.Stop.COUNTER, 2));
        assertThat(send(queue, 8)).isEqualTo(1);
        assertThat(send(queue, 8)).isEqualTo(1);
        assertThat(queue.size()).isZero();
    }

    @Test
    void blindCoinLeavesAfterAboutKTransmissionsOnAverage() {
        SplitMix64 random = new SplitMix64(7);
        long total = 0;
        int trials = 2_000;
        for (int t = 0; t < trials; t++) {
            RumorQueue queue = new RumorQueue(16, random);
            queue.offer("a", RumorPriority.USER, FRAME, new RumorPolicy(RumorPolicy.Interest.BLIND, RumorPolicy.Stop.COIN, 4));
            for (int i = 0; i < 1_000 && queue.size() > 0; i++) {
                total += send(queue, 8);
            }
        }
        // geometric with p = 1/4: mean 4
        assertThat(total / (double) trials).isBetween(3.7, 4.3);
    }

    @Test
    void feedbackCounterLeavesAtTheKthFeedbackNotAtAnyTransmissionCount() {
        RumorQueue queue = new RumorQueue(16);
        queue.offer("a", RumorPriority.USER, FRAME, new RumorPolicy(RumorPolicy.Interest.FEEDBACK, RumorPolicy.Stop.COUNTER, 2));
        for (int i = 0; i < 10; i++) {
            assertThat(send(queue, 8)).isEqualTo(1);
        }
        queue.feedback(RumorQueue.hashOf("a"), 8);
        assertThat(queue.size()).isEqualTo(1);
        queue.feedback(RumorQueue.hashOf("other"), 8);
        assertThat(queue.size()).isEqualTo(1);
        queue.feedback(RumorQueue.hashOf("a"), 8);
        assertThat(queue.size()).isZero();
        assertThat(queue.feedbackEvents()).isEqualTo(2);
    }

    @Test
    void aFeedbackRumorWhoseFeedbackNeverComesLeavesAtTheCap() {
        RumorQueue queue = new RumorQueue(16);
        queue.offer("a", RumorPriority.USER, FRAME, new RumorPolicy(RumorPolicy.Interest.FEEDBACK, RumorPolicy.Stop.COUNTER, 1));
        int sent = 0;
        while (queue.size() > 0 && sent < 1_000) {
            sent += send(queue, 3);
        }
        assertThat(sent).isEqualTo(RumorPolicy.FEEDBACK_CAP_FACTOR * 3);
    }

    @Test
    void feedbackOnABlindRumorIsIgnoredAndACoinNeedsARandomSource() {
        RumorQueue queue = new RumorQueue(16);
        queue.offer("a", RumorPriority.USER, FRAME);
        queue.feedback(RumorQueue.hashOf("a"), 8);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.feedbackEvents()).isZero();
        assertThatThrownBy(() -> queue.offer("b", RumorPriority.USER, FRAME,
                new RumorPolicy(RumorPolicy.Interest.BLIND, RumorPolicy.Stop.COIN, 2)))
                .hasMessageContaining("random source");
    }
}
