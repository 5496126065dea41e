package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The monitor's appender: bounded per client, levels per client, never fed by its own writes. */
class LogTapTest {
    private final Logger log = LoggerFactory.getLogger("io.grapevine.test.logtap");
    private LogTap tap;

    @BeforeEach
    void attach() {
        ((ch.qos.logback.classic.Logger) log).setLevel(Level.DEBUG);
        tap = LogTap.attach(2).orElseThrow();
    }

    @AfterEach
    void detach() {
        tap.close();
        ((ch.qos.logback.classic.Logger) log).setLevel(null);
    }

    private static List<String> drain(LogTap.Subscription subscription) {
        List<LogTap.LogLine> lines = new ArrayList<>();
        subscription.queue().drainTo(lines);
        return lines.stream().map(LogTap.LogLine::message).toList();
    }

    @Test
    void aFullQueueLosesLaterLinesAndCountsThem() {
        try (LogTap.Subscription subscription = tap.subscribe(Level.INFO)) {
            for (int i = 1; i <= 5; i++) {
                log.info("line {}", i);
            }
            assertThat(drain(subscription)).containsExactly("line 1", "line 2");
            assertThat(subscription.takeDropped()).isEqualTo(3);
            assertThat(subscription.takeDropped()).isZero();
        }
    }

    @Test
    void eachSubscriberGetsTheLevelsItAskedFor() {
        try (LogTap.Subscription debug = tap.subscribe(Level.DEBUG);
             LogTap.Subscription error = tap.subscribe(Level.ERROR)) {
            log.debug("d");
            log.error("e");
            assertThat(drain(debug)).containsExactly("d", "e");
            assertThat(drain(error)).containsExactly("e");
        }
    }

    @Test
    void linesLoggedWhileAMonitorWritesAreNotTapped() {
        try (LogTap.Subscription subscription = tap.subscribe(Level.DEBUG)) {
            LogTap.WRITING.set(true);
            try {
                log.info("logged by the write itself");
            } finally {
                LogTap.WRITING.set(false);
            }
            LoggerFactory.getLogger("org.eclipse.jetty.io.Test").debug("jetty chatter");
            log.info("after");
            assertThat(drain(subscription)).containsExactly("after");
        }
    }

    @Test
    void aClosedSubscriptionGetsNothingAndAClosedTapWakesItsWriters() {
        LogTap.Subscription gone = tap.subscribe(Level.INFO);
        gone.close();
        log.info("nobody hears this");
        assertThat(gone.queue()).isEmpty();

        LogTap.Subscription waiting = tap.subscribe(Level.INFO);
        tap.close();
        assertThat(waiting.queue()).containsExactly(LogTap.CLOSED);
        log.info("after close");
        assertThat(waiting.queue()).containsExactly(LogTap.CLOSED);
    }
}
