package io.grapevine.agent.netns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link NetnsLongFaultsTest} measured, one row per fault: printed as a table when the class
 * ends and appended as tab-separated lines to {@code target/netns-long-figures.tsv}, which
 * {@code bench/netns/long.sh} prints per run.
 */
final class LongFaultFigures {
    /**
     * One fault's figures.
     *
     * @param fault the fault's name
     * @param healSeconds from the end of the fault to every agent listing all members alive,
     *                    identically, with every acknowledged write; negative if that never held
     *                    within the bound
     * @param ownKeysAcked acknowledged writes of the nodes' own keys
     * @param sharedAcked acknowledged shared-keyspace writes
     * @param lost acknowledged writes missing somewhere after the heal
     * @param healthySuspect events putting a healthy member at suspect in a healthy observer's view
     * @param healthyDead events putting a healthy member at dead in a healthy observer's view
     * @param subjectChanges the faulty node's status changes per healthy observer during the
     *                       fault ({@code "n1 4, n2 2"}), or {@code -}
     * @param subjectDeadBy how many healthy observers ever held the faulty node dead, or -1
     * @param note what else was seen (the event order, who suspected whom)
     */
    record Row(String fault, double healSeconds, int ownKeysAcked, int sharedAcked, long lost, int healthySuspect,
               int healthyDead, String subjectChanges, int subjectDeadBy, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** The table, one line per fault. */
    String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-28s %7s %6s %6s %4s %6s %6s %-24s %7s  %s%n",
                "fault", "heal_s", "kv_ack", "sh_ack", "lost", "h_susp", "h_dead", "subject_changes", "subj_dd", "note"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "%-28s %7.2f %6d %6d %4d %6d %6d %-24s %7d  %s%n", row.fault(),
                    row.healSeconds(), row.ownKeysAcked(), row.sharedAcked(), row.lost(), row.healthySuspect(),
                    row.healthyDead(), row.subjectChanges(), row.subjectDeadBy(), row.note()));
        }
        return table.toString();
    }

    /** Appends the rows to {@code file}, tab-separated, each with {@code runId}. */
    void appendTo(Path file, String runId) {
        StringBuilder lines = new StringBuilder();
        for (Row row : rows) {
            lines.append(String.join("\t", runId, row.fault(), String.format(Locale.ROOT, "%.3f", row.healSeconds()),
                    Integer.toString(row.ownKeysAcked()), Integer.toString(row.sharedAcked()), Long.toString(row.lost()),
                    Integer.toString(row.healthySuspect()), Integer.toString(row.healthyDead()), row.subjectChanges(),
                    Integer.toString(row.subjectDeadBy()), row.note().replace('\t', ' ').replace('\n', ' ')))
                    .append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the figures to " + file, e);
        }
    }
}
