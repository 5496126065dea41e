package io.grapevine.agent.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.Bytes;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code /bin/sh} scripts on real events. A test ends its events with a user event named
 * {@code sentinel} whose handler (added last) creates a file: handlers run serially, so once
 * that file exists every earlier run has ended and been counted.
 */
class EventHandlersTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String SELF = "node-a";

    @TempDir
    Path dir;

    private final List<EventHandlers> started = new ArrayList<>();

    @AfterEach
    void closeAll() {
        started.forEach(EventHandlers::close);
    }

    @Test
    void aMemberJoinRunsTheMatchingHandlerWithItsEnvironmentAndStdin() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16, "member-join=" + dump("out"));
        handlers.onEvent(member("alice", Change.JOINED, MemberStatus.ALIVE));
        assertThat(Files.readString(awaitFile("out"))).isEqualTo(
                "event=member-join\nself=node-a\nuser=unset\nltime=unset\nalice\t10.0.0.7:7946\talive\n");
    }

    @Test
    void aUserEventRunsWithItsNameLamportTimeAndPayloadBytes() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16, "user=" + dump("out"));
        byte[] payload = {'v', '2', 0, (byte) 0xff, '\n'};
        handlers.onEvent(user("deploy", 42, payload));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("event=user\nself=node-a\nuser=deploy\nltime=42\n".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(payload);
        assertThat(Files.readAllBytes(awaitFile("out"))).isEqualTo(expected.toByteArray());
    }

    @Test
    void aFilterExcludesEventsItDoesNotList() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16,
                "member-join=" + append("log", "$GRAPEVINE_EVENT"), sentinel());
        handlers.onEvent(member("alice", Change.LEFT, MemberStatus.LEFT));
        handlers.onEvent(member("alice", Change.FAILED, MemberStatus.DEAD));
        handlers.onEvent(member("alice", Change.UPDATED, MemberStatus.ALIVE));
        handlers.onEvent(member("alice", Change.REAPED, MemberStatus.DEAD));
        handlers.onEvent(user("deploy", 1, new byte[0]));
        handlers.onEvent(member("bob", Change.JOINED, MemberStatus.ALIVE));
        finish(handlers);
        assertThat(Files.readString(dir.resolve("log"))).isEqualTo("member-join\n");
    }

    @Test
    void aUserNameFilterMatchesOnlyThatName() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16,
                "user:deploy=" + append("log", "$GRAPEVINE_USER_EVENT@$GRAPEVINE_USER_LTIME"), sentinel());
        handlers.onEvent(user("restart", 1, new byte[0]));
        handlers.onEvent(user("deploy", 2, new byte[0]));
        handlers.onEvent(user("deploy-canary", 3, new byte[0]));
        handlers.onEvent(member("deploy", Change.JOINED, MemberStatus.ALIVE));
        finish(handlers);
        assertThat(Files.readString(dir.resolve("log"))).isEqualTo("deploy@2\n");
    }

    @Test
    void matchingHandlersRunInFlagOrder() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16,
                "member-join=" + append("log", "first"), "member-join,member-leave=" + append("log", "second"),
                sentinel());
        handlers.onEvent(member("alice", Change.JOINED, MemberStatus.ALIVE));
        handlers.onEvent(member("alice", Change.LEFT, MemberStatus.LEFT));
        finish(handlers);
        assertThat(Files.readString(dir.resolve("log"))).isEqualTo("first\nsecond\nsecond\n");
    }

    @Test
    void aFailingScriptIsCountedAndTheNextEventStillRuns() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16,
                "member-failed=" + append("log", "ran") + "; echo boom >&2; exit 3", sentinel());
        handlers.onEvent(member("alice", Change.FAILED, MemberStatus.DEAD));
        finish(handlers);
        assertThat(Files.readString(dir.resolve("log"))).isEqualTo("ran\n");
        assertThat(handlers.failures()).isEqualTo(1);
        assertThat(handlers.timeouts()).isZero();
    }

    @Test
    void aSlowScriptIsKilledWithItsChildrenAtTheTimeoutAndCounted() throws Exception {
        EventHandlers handlers = start(Duration.ofMillis(500), 16,
                "member-failed=sleep 30 & echo $! > " + quoted("pid.tmp") + " && mv " + quoted("pid.tmp") + " "
                        + quoted("pid") + "; wait",
                sentinel());
        handlers.onEvent(member("alice", Change.FAILED, MemberStatus.DEAD));
        finish(handlers);
        assertThat(handlers.timeouts()).isEqualTo(1);
        assertThat(handlers.failures()).isZero();
        assertThat(handlers.runs()).isPositive();
        assertProcessEnds(Long.parseLong(Files.readString(dir.resolve("pid")).strip()));
    }

    @Test
    void aFloodFillsTheBoundedQueueAndTheOverflowIsDroppedWithoutBlocking() {
        EventHandlers handlers = start(Duration.ofSeconds(60), 16, "member-join=sleep 30");
        ClusterEvent join = member("alice", Change.JOINED, MemberStatus.ALIVE);
        long startNanos = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            handlers.onEvent(join);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
        // 16 wait in the queue; the worker took at most one, which is still sleeping
        assertThat(handlers.dropped()).isBetween(10_000L - 17, 10_000L - 16);
        assertThat(handlers.queueDepth()).isEqualTo(16);
        assertThat(handlers.runs()).isZero();
    }

    @Test
    void eventsNoHandlerWantsAreNeitherQueuedNorDropped() {
        EventHandlers handlers = start(Duration.ofSeconds(60), 1, "user:deploy=sleep 30");
        for (int i = 0; i < 1_000; i++) {
            handlers.onEvent(member("alice", Change.JOINED, MemberStatus.ALIVE));
            handlers.onEvent(user("restart", i, new byte[0]));
        }
        assertThat(handlers.dropped()).isZero();
        assertThat(handlers.queueDepth()).isZero();
    }

    @Test
    void chattyOutputIsReadAndDiscardedSoTheScriptNeverBlocks() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16,
                "member-join=head -c 1048576 /dev/zero | tr '\\0' x; head -c 1048576 /dev/zero >&2", sentinel());
        handlers.onEvent(member("alice", Change.JOINED, MemberStatus.ALIVE));
        finish(handlers);
        assertThat(handlers.failures()).isZero();
        assertThat(handlers.timeouts()).isZero();
    }

    @Test
    void closeKillsTheRunningScriptAndStopsWithinABoundedTime() throws Exception {
        EventHandlers handlers = start(Duration.ofSeconds(60), 16,
                "member-join=sleep 30 & echo $! > " + quoted("pid.tmp") + " && mv " + quoted("pid.tmp") + " "
                        + quoted("pid") + "; wait");
        handlers.onEvent(member("alice", Change.JOINED, MemberStatus.ALIVE));
        long pid = Long.parseLong(Files.readString(awaitFile("pid")).strip());
        long startNanos = System.nanoTime();
        handlers.close();
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(EventHandlers.CLOSE_WAIT);
        assertProcessEnds(pid);
        assertThat(handlers.runs()).isZero();
    }

    @Test
    void eventsAfterCloseAreDroppedAndCloseIsIdempotent() {
        EventHandlers handlers = start(Duration.ofSeconds(10), 16, "member-join=true");
        handlers.close();
        handlers.onEvent(member("alice", Change.JOINED, MemberStatus.ALIVE));
        handlers.close();
        assertThat(handlers.dropped()).isEqualTo(1);
    }

    @Test
    void badArgumentsAreNamed() {
        List<HandlerSpec> specs = List.of(HandlerSpec.parse("true"));
        assertThatThrownBy(() -> new EventHandlers(specs, SELF, Duration.ZERO, 16))
                .hasMessage("event handler timeout (PT0S) must be > 0");
        assertThatThrownBy(() -> new EventHandlers(specs, SELF, Duration.ofSeconds(1), 0))
                .hasMessage("event handler queueCapacity (0) must be >= 1");
        assertThatThrownBy(() -> new EventHandlers(specs, " ", Duration.ofSeconds(1), 16))
                .hasMessage("selfName must not be blank");
    }

    private EventHandlers start(Duration timeout, int capacity, String... specs) {
        List<HandlerSpec> parsed = new ArrayList<>();
        for (String spec : specs) {
            parsed.add(HandlerSpec.parse(spec));
        }
        EventHandlers handlers = new EventHandlers(parsed, SELF, timeout, capacity);
        started.add(handlers);
        return handlers;
    }

    /** A script that writes the handler variables, then its stdin, to {@code name} (whole, by rename). */
    private String dump(String name) {
        return "{ printf 'event=%s\\nself=%s\\nuser=%s\\nltime=%s\\n' \"$GRAPEVINE_EVENT\" \"$GRAPEVINE_SELF_NAME\""
                + " \"${GRAPEVINE_USER_EVENT-unset}\" \"${GRAPEVINE_USER_LTIME-unset}\"; cat; } > "
                + quoted(name + ".tmp") + " && mv " + quoted(name + ".tmp") + " " + quoted(name);
    }

    private String append(String name, String text) {
        return "printf '%s\\n' \"" + text + "\" >> " + quoted(name);
    }

    private String sentinel() {
        return "user:sentinel=touch " + quoted("sentinel");
    }

    /** Sends the sentinel event and waits until its handler, so every earlier run, is done. */
    private void finish(EventHandlers handlers) throws Exception {
        handlers.onEvent(user("sentinel", 999, new byte[0]));
        awaitFile("sentinel");
    }

    private Path awaitFile(String name) throws Exception {
        return FileWait.awaitFile(dir.resolve(name), DEADLINE);
    }

    private String quoted(String name) {
        return "'" + dir.resolve(name) + "'";
    }

    private static void assertProcessEnds(long pid) throws Exception {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static ClusterEvent member(String name, Change change, MemberStatus status) {
        Member member = new Member(new NodeId(name, new Address("10.0.0.7", 7946), 1), 3, status, 0);
        return new ClusterEvent.MemberChanged(member, change, "bob");
    }

    private static ClusterEvent user(String name, long lamportTime, byte[] payload) {
        return new ClusterEvent.UserEventReceived(new DeliveredEvent("bob", lamportTime, name, Bytes.copyOf(payload)));
    }
}
