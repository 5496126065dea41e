package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code grapevine history NAME}: one member as the agent sees it and its recorded transitions,
 * oldest first ({@code GET /v1/members/NAME}): when (the agent's age of the transition, shown
 * as local time and as an age), the change, the status and incarnation it led to, on whose word
 * the agent believed it (the member itself, or the member that suspected or confirmed it) and
 * any detail. The core keeps a bounded history per member, so old transitions fall off.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Shows a member's recorded transitions: when, what, and on whose word.")
public final class HistoryCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "The member's name.")
    private String name;

    private final Clock clock;

    /** A command showing times in the system's zone. */
    public HistoryCommand() {
        this(Clock.systemDefaultZone());
    }

    HistoryCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected int run(AgentClient client) {
        JsonNode member = client.get("/v1/members/" + Urls.segment(name));
        long now = clock.millis();
        out().println(member.path("name").asText() + " at " + member.path("address").asText() + ": "
                + member.path("status").asText() + " for " + Times.age(member.path("statusAgeMillis").asLong())
                + ", incarnation " + member.path("incarnation").asLong() + ", generation "
                + member.path("generation").asLong());
        JsonNode history = member.path("history");
        if (history.isEmpty()) {
            out().println("No recorded transitions.");
            return 0;
        }
        Table table = Table.withHeader("WHEN", "AGO", "CHANGE", "STATUS", "INCARNATION", "ON WORD OF", "DETAIL");
        for (JsonNode t : history) {
            long age = t.path("ageMillis").asLong();
            table.row(Times.at(now - age, clock.getZone()), Times.age(age), t.path("change").asText(),
                    t.path("status").asText(), t.path("incarnation").asText(), t.path("onWordOf").asText(),
                    t.path("detail").asText());
        }
        table.print(out());
        return 0;
    }
}
