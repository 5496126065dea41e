package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine members}: the members the agent knows, itself and tombstones included,
 * sorted by name ({@code GET /v1/members}). Text is aligned columns NAME, ADDRESS, STATUS,
 * INCARNATION (Serf's {@code members} with a header); JSON is the API's array as is.
 */
@Command(name = "members", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the members the agent knows (itself and departed members included).")
public final class MembersCommand extends ClientCommand {
    @Option(names = "--status", paramLabel = "STATUS", converter = Choice.Status.class,
            completionCandidates = Choice.Status.class,
            description = "Only members with this status: ${COMPLETION-CANDIDATES}. Default: all.")
    private String status;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Choice.Format.class,
            completionCandidates = Choice.Format.class,
            description = "text (aligned columns) or json (the API's answer). Default: text.")
    private String format = "text";

    @Override
    protected int run(AgentClient client) {
        JsonNode members = client.get("/v1/members" + (status == null ? "" : Urls.query(true, "status", status)));
        if (format.equals("json")) {
            Json.print(out(), client, members);
            return 0;
        }
        Table table = Table.withHeader("NAME", "ADDRESS", "STATUS", "INCARNATION");
        for (JsonNode member : members) {
            table.row(member.path("name").asText(), member.path("address").asText(), member.path("status").asText(),
                    member.path("incarnation").asText());
        }
        table.print(out());
        return 0;
    }
}
