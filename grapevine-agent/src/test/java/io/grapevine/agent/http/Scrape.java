package io.grapevine.agent.http;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One {@code /metrics} answer, Prometheus text: series are looked up by their exact name and
 * label text ({@code grapevine_members{status="alive"}}).
 *
 * @param text the whole answer
 */
record Scrape(String text) {
    /** Reads {@code /metrics} through {@code http}. */
    static Scrape of(Http http) {
        Http.Response response = http.get("/metrics");
        if (response.status() != 200) {
            throw new AssertionError("/metrics answered " + response.status() + ": " + response.body());
        }
        return new Scrape(response.body());
    }

    /** Every sample line (no comments). */
    List<String> samples() {
        return text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /** The value of {@code series} (name and labels as written), or empty if absent. */
    OptionalDouble value(String series) {
        return samples().stream().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst();
    }

    /** The value of {@code series}, failing the test when it is absent. */
    double require(String series) {
        return value(series).orElseThrow(() -> new AssertionError("no series " + series + " in:\n" + text));
    }
}
