package io.grapevine.agent.netns;

import io.grapevine.agent.netns.MemberEventFeed.MemberEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the observers' own event streams say happened to their views during one episode (a fault
 * and the convergence after it), counted from {@link MemberEventFeed}s opened while every view
 * listed all members alive. A status change is an event whose status differs from the status
 * the observer held the member at before it (alive at the start); an event that only raises the
 * incarnation of a member held alive is not one.
 */
final class ViewChanges {
    private final List<MemberEventFeed> feeds;
    private final long startMillis;

    /**
     * Counts from these feeds.
     *
     * @param feeds the observers' feeds, opened before the fault
     * @param startMillis the wall clock when the fault began
     */
    ViewChanges(List<MemberEventFeed> feeds, long startMillis) {
        this.feeds = List.copyOf(feeds);
        this.startMillis = startMillis;
    }

    /** Status changes of {@code subject} in each observer's view stamped before {@code untilMillis}, by observer. */
    Map<String, Integer> statusChanges(String subject, long untilMillis) {
        Map<String, Integer> changes = new TreeMap<>();
        for (MemberEventFeed feed : feeds) {
            changes.put(feed.observer(), (int) transitions(feed, subject).stream()
                    .filter(e -> e.atMillis() < untilMillis).count());
        }
        return changes;
    }

    /** {@link #statusChanges} as {@code "n1 4, n2 2"}. */
    String statusChangesText(String subject, long untilMillis) {
        return statusChanges(subject, untilMillis).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * Each observer's status changes of {@code subject}, in order, with the seconds since the
     * start, the change and who reported it, a {@code |} where {@code markMillis} falls:
     * {@code "n1: suspect 12.3 s suspected by n2, alive 12.6 s refuted | alive ..."}.
     */
    String sequences(String subject, long markMillis) {
        List<String> lines = new ArrayList<>();
        for (MemberEventFeed feed : feeds) {
            StringBuilder line = new StringBuilder(feed.observer()).append(':');
            boolean marked = false;
            for (MemberEvent e : transitions(feed, subject)) {
                if (!marked && e.atMillis() >= markMillis) {
                    line.append(" |");
                    marked = true;
                }
                line.append(String.format(Locale.ROOT, " %s %.1f s %s by %s,", e.status(),
                        (e.atMillis() - startMillis) / 1e3, e.change(), e.onWordOf()));
            }
            lines.add(line.toString());
        }
        return String.join("; ", lines);
    }

    /**
     * How many events put a member of {@code subjects} (other than the observer itself) at
     * {@code status} in an observer's view.
     */
    int shown(List<String> subjects, String status) {
        int count = 0;
        for (MemberEventFeed feed : feeds) {
            for (MemberEvent e : feed.events()) {
                if (subjects.contains(e.member()) && !e.member().equals(feed.observer()) && e.status().equals(status)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Those events of {@link #shown}, as {@code "n2 held n4 suspect at 3.1 s on word of n3"}. */
    String shownText(List<String> subjects, List<String> statuses) {
        List<String> seen = new ArrayList<>();
        for (MemberEventFeed feed : feeds) {
            for (MemberEvent e : feed.events()) {
                if (subjects.contains(e.member()) && !e.member().equals(feed.observer())
                        && statuses.contains(e.status())) {
                    seen.add(String.format(Locale.ROOT, "%s held %s %s at %.1f s on word of %s", feed.observer(),
                            e.member(), e.status(), (e.atMillis() - startMillis) / 1e3, e.onWordOf()));
                }
            }
        }
        return seen.isEmpty() ? "none" : String.join(", ", seen);
    }

    /** The observers that ever held {@code subject} at {@code status}. */
    List<String> observersThatHeld(String subject, String status) {
        return feeds.stream().filter(f -> f.events().stream()
                .anyMatch(e -> e.member().equals(subject) && e.status().equals(status)))
                .map(MemberEventFeed::observer).toList();
    }

    /**
     * The seconds after the start at which every observer had held every member of
     * {@code subjects} at {@code status}, or a negative number if some pair never did.
     */
    double allHeldAfterSeconds(List<String> subjects, String status) {
        long latest = startMillis;
        for (MemberEventFeed feed : feeds) {
            for (String subject : subjects) {
                long first = feed.events().stream().filter(e -> e.member().equals(subject) && e.status().equals(status))
                        .mapToLong(MemberEvent::atMillis).min().orElse(Long.MIN_VALUE);
                if (first == Long.MIN_VALUE) {
                    return -1;
                }
                latest = Math.max(latest, first);
            }
        }
        return (latest - startMillis) / 1e3;
    }

    /** The feeds whose record is incomplete, with why; empty when all are intact. */
    String broken() {
        return feeds.stream().filter(f -> !f.intact()).map(f -> f.observer() + ": " + f.brokenWhy())
                .collect(Collectors.joining("; "));
    }

    private static List<MemberEvent> transitions(MemberEventFeed feed, String subject) {
        List<MemberEvent> changes = new ArrayList<>();
        String held = "alive";
        for (MemberEvent e : feed.events()) {
            if (e.member().equals(subject) && !e.status().equals(held)) {
                changes.add(e);
                held = e.status();
            }
        }
        return changes;
    }
}
