package io.grapevine.agent.handler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One {@code --event-handler [FILTER=]SCRIPT} value, parsed as Serf parses its
 * {@code -event-handler}: the text up to the first {@code =} is the filter, the rest the
 * script; with no {@code =} the whole text is the script and the filter is {@code *}.
 *
 * <p>FILTER is a comma-separated list of {@code member-join}, {@code member-leave},
 * {@code member-failed}, {@code member-update}, {@code member-reap}, {@code user},
 * {@code user:NAME} (user events of that name only) and {@code *} (every event). SCRIPT is
 * run with {@code /bin/sh -c}. Because the first {@code =} ends the filter, a script that
 * contains {@code =} needs an explicit filter: {@code *=FOO=bar ./notify.sh}. User event
 * names containing {@code ,} or {@code =} cannot be filtered by name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param filters what the handler runs for, in flag order without duplicates; never empty
 * @param script the shell command, non-blank, passed verbatim to {@code /bin/sh -c}
 */
public record HandlerSpec(List<EventFilter> filters, String script) {
    private static final String FLAG = "--event-handler";

    /**
     * Copies the filters and checks both fields.
     *
     * @throws IllegalArgumentException naming {@code --event-handler} if the filters are
     *     missing or empty or the script is blank
     */
    public HandlerSpec {
        if (filters == null || filters.isEmpty() || filters.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(FLAG + ": the filter must list at least one event type");
        }
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException(FLAG + ": the script is empty");
        }
        filters = List.copyOf(new LinkedHashSet<>(filters));
    }

    /**
     * Parses one flag value.
     *
     * @throws IllegalArgumentException whose message names {@code --event-handler}, quotes
     *     the value and says which part is bad: an unknown or empty event type, an empty
     *     filter before {@code =}, a {@code user:} with no name, or an empty script
     */
    public static HandlerSpec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException(FLAG + ": no value");
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            return checked(text, EventFilter.all(), text);
        }
        String filterText = text.substring(0, equals);
        String script = text.substring(equals + 1);
        if (filterText.isBlank()) {
            throw bad(text, "the filter before '=' is empty (omit it, or write '*=SCRIPT')");
        }
        List<EventFilter> filters = new ArrayList<>();
        for (String element : filterText.split(",", -1)) {
            try {
                filters.addAll(EventFilter.parse(element));
            } catch (IllegalArgumentException e) {
                throw bad(text, e.getMessage());
            }
        }
        return checked(text, filters, script);
    }

    private static HandlerSpec checked(String text, List<EventFilter> filters, String script) {
        if (script.isBlank()) {
            throw bad(text, "the script is empty");
        }
        return new HandlerSpec(filters, script);
    }

    private static IllegalArgumentException bad(String text, String problem) {
        return new IllegalArgumentException(FLAG + " '" + text + "': " + problem);
    }

    /** True if any filter matches {@code event}. */
    public boolean matches(HandlerEvent event) {
        for (EventFilter filter : filters) {
            if (filter.matches(event)) {
                return true;
            }
        }
        return false;
    }

    /** The spec as flag text, which {@link #parse} reads back to an equal spec. */
    @Override
    public String toString() {
        if (filters.equals(EventFilter.all())) {
            return "*=" + script;
        }
        StringBuilder text = new StringBuilder();
        for (EventFilter filter : filters) {
            text.append(text.length() == 0 ? "" : ",").append(filter);
        }
        return text.append('=').append(script).toString();
    }
}
