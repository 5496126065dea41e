package io.grapevine.agent.client;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Text columns aligned like {@code serf members}: each column as wide as its widest cell, two
 * spaces between columns, the last one not padded (no trailing blanks). Not thread-safe.
 */
final class Table {
    private final List<List<String>> rows = new ArrayList<>();

    /** A table whose first row is {@code header}. */
    static Table withHeader(String... header) {
        Table table = new Table();
        table.row(header);
        return table;
    }

    /** Adds a row; rows may have fewer cells than the header. */
    Table row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    /** Whether only the header (or nothing) was added. */
    boolean hasNoBody() {
        return rows.size() <= 1;
    }

    /** Writes every row to {@code out}. */
    void print(PrintWriter out) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (widths.size() <= i) {
                    widths.add(0);
                }
                widths.set(i, Math.max(widths.get(i), row.get(i).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths.get(i) - row.get(i).length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
