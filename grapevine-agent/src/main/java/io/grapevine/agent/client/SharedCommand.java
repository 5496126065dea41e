package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine shared}: the shared keyspace (docs/SHARED-KEYSPACE.md), maps whose keys any
 * node writes and {@code rf} replicas hold: {@code put}, {@code get}, {@code delete} and
 * {@code list} over {@code /v1/shared/MAP/KEY}. Each waits until enough replicas answered.
 */
@Command(name = "shared", mixinStandardHelpOptions = true,
        description = "Reads and writes the shared keyspace (keys any node writes, held by rf replicas).",
        subcommands = {SharedCommand.Put.class, SharedCommand.Get.class, SharedCommand.Delete.class,
                SharedCommand.ListKeys.class})
public final class SharedCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static String keyPath(String map, String key) {
        return "/v1/shared/" + Urls.path(map) + "/" + Urls.path(key);
    }

    /** {@code shared put MAP KEY VALUE}: writes a key of a shared map ({@code PUT /v1/shared/MAP/KEY}). */
    @Command(name = "put", mixinStandardHelpOptions = true, description = "Writes a key of a shared map.")
    public static final class Put extends ClientCommand {
        @Parameters(index = "0", paramLabel = "MAP", description = "The map's name.")
        private String map;

        @Parameters(index = "1", paramLabel = "KEY", description = "The key (may contain /).")
        private String key;

        @Parameters(index = "2", paramLabel = "VALUE", description = "Its value (UTF-8 text).")
        private String value;

        @Override
        protected int run(AgentClient client) {
            JsonNode written = client.putJson(keyPath(map, key), Map.of("value", value));
            out().println(map + " " + key + " = " + value + " (" + written.path("acks").asInt() + " replicas acked)");
            return 0;
        }
    }

    /** {@code shared get MAP KEY}: prints the value alone, for scripts ({@code GET /v1/shared/MAP/KEY}). */
    @Command(name = "get", mixinStandardHelpOptions = true, description = "Prints the value of a shared key.")
    public static final class Get extends ClientCommand {
        @Parameters(index = "0", paramLabel = "MAP", description = "The map's name.")
        private String map;

        @Parameters(index = "1", paramLabel = "KEY", description = "The key.")
        private String key;

        @Override
        protected int run(AgentClient client) {
            out().println(client.get(keyPath(map, key)).path("value").asText());
            return 0;
        }
    }

    /** {@code shared delete MAP KEY}: deletes a shared key (a tombstone its replicas keep for the grace period). */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a shared key.")
    public static final class Delete extends ClientCommand {
        @Parameters(index = "0", paramLabel = "MAP", description = "The map's name.")
        private String map;

        @Parameters(index = "1", paramLabel = "KEY", description = "The key.")
        private String key;

        @Override
        protected int run(AgentClient client) {
            JsonNode deleted = client.delete(keyPath(map, key));
            out().println(map + " " + key + " deleted (" + deleted.path("acks").asInt() + " replicas acked)");
            return 0;
        }
    }

    /** {@code shared list MAP [--prefix P]}: {@code KEY  VALUE} aligned, by key ({@code GET /v1/shared/MAP}). */
    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Lists the keys and values of a shared map.")
    public static final class ListKeys extends ClientCommand {
        @Parameters(index = "0", paramLabel = "MAP", description = "The map's name.")
        private String map;

        @Option(names = "--prefix", paramLabel = "PREFIX", description = "Only keys starting with it. Default: all.")
        private String prefix;

        @Override
        protected int run(AgentClient client) {
            String query = prefix == null ? "" : Urls.query(true, "prefix", prefix);
            JsonNode values = client.get("/v1/shared/" + Urls.path(map) + query);
            Table table = new Table();
            values.fields().forEachRemaining(entry -> table.row(entry.getKey(), entry.getValue().asText()));
            table.print(out());
            return 0;
        }
    }
}
