package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine kv}: the replicated key-value state. Each node owns its keys and every node
 * holds a replica of everyone's: {@code put} and {@code delete} change the agent's own keys,
 * {@code get} and {@code list} read any node's ({@code --node}, default the agent's), and
 * {@code watch} follows changes (a separate class, {@link KvWatchCommand}).
 */
@Command(name = "kv", mixinStandardHelpOptions = true,
        description = "Reads, writes and watches the replicated key-value state.",
        subcommands = {KvCommand.Put.class, KvCommand.Get.class, KvCommand.Delete.class, KvCommand.ListKeys.class,
                KvWatchCommand.class})
public final class KvCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String nodeQuery(String node) {
        return node == null ? "" : Urls.query(true, "node", node);
    }

    /** {@code kv put KEY VALUE}: writes the agent's key ({@code PUT /v1/kv/KEY}). */
    @Command(name = "put", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Writes one of the agent's keys; it spreads to every member.")
    public static final class Put extends ClientCommand {
        @Parameters(index = "0", paramLabel = "KEY", description = "The key (may contain /).")
        private String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "Its value (UTF-8 text).")
        private String value;

        @Option(names = "--priority", paramLabel = "PRIORITY", converter = Choice.Priority.class,
                completionCandidates = Choice.Priority.class, description = "The class it is reconciled in: "
                + "${COMPLETION-CANDIDATES}. Default: control.")
        private String priority;

        @Option(names = "--ttl", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Delete it after this long (whole seconds: 90s, 10m, 1h30m). Default: never.")
        private Duration ttl;

        @Override
        protected int run(AgentClient client) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", value);
            if (priority != null) {
                body.put("priority", priority);
            }
            if (ttl != null) {
                if (ttl.toMillis() % 1000 != 0) {
                    throw new picocli.CommandLine.ParameterException(spec().commandLine(),
                            "--ttl must be whole seconds: " + ttl.toMillis() + " ms");
                }
                body.put("ttlSeconds", ttl.toSeconds());
            }
            JsonNode change = client.putJson("/v1/kv/" + Urls.path(key), body);
            out().println(change.path("node").asText() + " " + change.path("key").asText() + " = "
                    + change.path("value").asText() + " (version " + change.path("version").asLong() + ")");
            return 0;
        }
    }

    /** {@code kv get KEY}: prints one key's value, nothing else, for scripts ({@code GET /v1/kv/KEY}). */
    @Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Prints the value of a key (the agent's own, or another node's with --node).")
    public static final class Get extends ClientCommand {
        @Parameters(paramLabel = "KEY", description = "The key.")
        private String key;

        @Option(names = "--node", paramLabel = "NODE", description = "Whose key. Default: the agent's.")
        private String node;

        @Override
        protected int run(AgentClient client) {
            out().println(client.get("/v1/kv/" + Urls.path(key) + nodeQuery(node)).path("value").asText());
            return 0;
        }
    }

    /** {@code kv delete KEY}: deletes the agent's key ({@code DELETE /v1/kv/KEY}; 404 if it held none). */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes one of the agent's keys; the deletion spreads to every member.")
    public static final class Delete extends ClientCommand {
        @Parameters(paramLabel = "KEY", description = "The key.")
        private String key;

        @Override
        protected int run(AgentClient client) {
            JsonNode change = client.delete("/v1/kv/" + Urls.path(key));
            out().println(change.path("node").asText() + " " + change.path("key").asText() + " deleted (version "
                    + change.path("version").asLong() + ")");
            return 0;
        }
    }

    /** {@code kv list}: a node's live keys, {@code KEY  VALUE} aligned, by key ({@code GET /v1/kv}). */
    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Lists a node's keys and values (the agent's own, or another node's with --node).")
    public static final class ListKeys extends ClientCommand {
        @Option(names = "--node", paramLabel = "NODE", description = "Whose keys. Default: the agent's.")
        private String node;

        @Override
        protected int run(AgentClient client) {
            JsonNode values = client.get("/v1/kv" + nodeQuery(node));
            Table table = new Table();
            values.fields().forEachRemaining(entry -> table.row(entry.getKey(), entry.getValue().asText()));
            table.print(out());
            return 0;
        }
    }
}
