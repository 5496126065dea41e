package io.grapevine.core.state;

import java.util.List;

/**
 * The outcome of applying a {@link io.grapevine.core.wire.Delta}.
 *
 * @param verdicts one per part, in order
 * @param changes the key changes made, in application order
 */
public record ApplyResult(List<ApplyVerdict> verdicts, List<KeyChange> changes) {
    /** Freezes the lists. */
    public ApplyResult {
        verdicts = List.copyOf(verdicts);
        changes = List.copyOf(changes);
    }
}
