package io.grapevine.bench.peer;

import io.grapevine.bench.cluster.Observation;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Serf agent's log line into an {@link Observation}, stamped when the runner read it
 * (Serf's own log stamps have whole seconds only). The lines are printed synchronously where
 * Serf changes its member table or takes in a message, before any event coalescing, so they
 * are the closest outside view of the moment Serf knows:
 * <pre>
 * serf: EventMemberJoin: NAME ADDR        ALIVE
 * serf: EventMemberFailed: NAME ADDR      DEAD
 * serf: EventMemberLeave: NAME ADDR       LEFT
 * serf: EventMemberUpdate: NAME           KEY (tags changed)
 * serf: messageUserEventType: NAME        USER (debug level; the first of possibly several receipts)
 * memberlist: Suspect NAME has failed     SUSPECT (seen by the prober only)
 * </pre>
 */
final class SerfLogParser {
    private static final Pattern EVENT = Pattern.compile(
            "serf: (EventMemberJoin|EventMemberFailed|EventMemberLeave|EventMemberUpdate|messageUserEventType): (\\S+)");
    private static final Pattern SUSPECT = Pattern.compile("memberlist: Suspect (\\S+) has failed");

    private SerfLogParser() {
    }

    static Optional<Observation> parse(int node, long atMillis, String line) {
        Matcher event = EVENT.matcher(line);
        if (event.find()) {
            String subject = event.group(2);
            return Optional.of(switch (event.group(1)) {
                case "EventMemberJoin" -> new Observation(node, atMillis, Observation.Kind.STATUS, subject, "ALIVE");
                case "EventMemberFailed" -> new Observation(node, atMillis, Observation.Kind.STATUS, subject, "DEAD");
                case "EventMemberLeave" -> new Observation(node, atMillis, Observation.Kind.STATUS, subject, "LEFT");
                case "EventMemberUpdate" -> new Observation(node, atMillis, Observation.Kind.KEY, subject, "tags");
                default -> new Observation(node, atMillis, Observation.Kind.USER, subject, "");
            });
        }
        Matcher suspect = SUSPECT.matcher(line);
        if (suspect.find()) {
            return Optional.of(new Observation(node, atMillis, Observation.Kind.STATUS, suspect.group(1), "SUSPECT"));
        }
        return Optional.empty();
    }
}
