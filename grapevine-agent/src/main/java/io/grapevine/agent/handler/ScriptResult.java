package io.grapevine.agent.handler;

import java.time.Duration;

/**
 * How one run of a handler script ended.
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome how it ended
 * @param exitCode the script's exit status for {@link Outcome#SUCCEEDED} (0) and
 *     {@link Outcome#FAILED} (non-zero); {@code -1} for the other outcomes
 * @param output the start of the script's stdout and stderr, interleaved as written,
 *     decoded as UTF-8; at most {@link ScriptRunner}'s limit
 * @param outputTruncated true if output beyond the limit was discarded
 * @param elapsed from start to exit (or kill)
 */
record ScriptResult(Outcome outcome, int exitCode, String output, boolean outputTruncated, Duration elapsed) {
    /** How a run ended. */
    enum Outcome {
        /** Exited with status 0. */
        SUCCEEDED,
        /** Exited with a non-zero status. */
        FAILED,
        /** Ran past the timeout; the script and its descendants were killed. */
        TIMED_OUT,
        /** {@code /bin/sh} could not be started; {@code output} says why. */
        NOT_STARTED
    }

    /** Refuses missing fields. */
    ScriptResult {
        if (outcome == null || output == null || elapsed == null) {
            throw new IllegalArgumentException("outcome, output and elapsed must not be null");
        }
    }
}
