package io.grapevine.agent.example;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Parses a {@code --mode} value: push, pull, both, or a comma-separated list of them (all three by default). */
final class ModeList {
    private ModeList() {
    }

    static List<SpreadMode> parse(CommandLine cli, String text) {
        List<SpreadMode> modes = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                SpreadMode mode = SpreadMode.parse(part);
                if (!modes.contains(mode)) {
                    modes.add(mode);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cli, "--mode: '" + part + "' is not push, pull or both");
            }
        }
        return modes;
    }
}
