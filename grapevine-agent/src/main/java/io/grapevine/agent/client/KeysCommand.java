package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grapevine keys}: the agent's gossip encryption keyring, Serf's {@code keys}.
 * {@code list} shows every key by fingerprint with how many members report it installed and as
 * their primary; {@code install}, {@code use} and {@code remove} change this agent's keyring
 * only (rotate by doing each step on every agent in turn, as docs/http-api.md says). A plaintext
 * agent has no keyring: the agent's 409 message.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Lists and rotates the gossip encryption keys (fingerprints only are shown).",
        subcommands = {KeysCommand.ListKeys.class, KeysCommand.Install.class, KeysCommand.Use.class,
                KeysCommand.Remove.class})
public final class KeysCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** Without a subcommand: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Prints {@code view} ({@code GET /v1/keys}'s shape) as a table: every key the agent or a
     * member holds (the agent's first, its primary leading), whether the agent has it, and on how
     * many members it is installed and primary. A rotation step is done when a column reads N/N.
     */
    static void print(PrintWriter out, JsonNode view) {
        String primary = view.path("primary").asText();
        Set<String> local = new LinkedHashSet<>();
        view.path("keys").forEach(k -> local.add(k.asText()));
        JsonNode members = view.path("members");
        Set<String> keys = new LinkedHashSet<>(local);
        Set<String> others = new TreeSet<>();
        members.forEach(m -> m.path("installed").forEach(k -> others.add(k.asText())));
        keys.addAll(others);
        Table table = Table.withHeader("KEY", "THIS AGENT", "INSTALLED ON", "PRIMARY ON");
        for (String key : keys) {
            int installed = 0;
            int primaryOn = 0;
            for (JsonNode member : members) {
                installed += contains(member.path("installed"), key) ? 1 : 0;
                primaryOn += member.path("primary").asText().equals(key) ? 1 : 0;
            }
            String here = key.equals(primary) ? "primary" : local.contains(key) ? "installed" : "-";
            table.row(key, here, installed + "/" + members.size(), primaryOn + "/" + members.size());
        }
        table.print(out);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code keys list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the keys (fingerprints) of the agent and of every member.")
    public static final class ListKeys extends ClientCommand {
        @Override
        protected int run(AgentClient client) {
            print(out(), client.get("/v1/keys"));
            return 0;
        }
    }

    /** One keyring change, {@code POST /v1/keys/OPERATION {"key": KEY}}, then the resulting keys. */
    abstract static class Change extends ClientCommand {
        @Parameters(paramLabel = "KEY", description = "A 32-byte AES-256 key in base64 (openssl rand -base64 32).")
        private String key;

        private final String operation;
        private final String done;

        Change(String operation, String done) {
            this.operation = operation;
            this.done = done;
        }

        @Override
        protected int run(AgentClient client) {
            JsonNode view = client.postJson("/v1/keys/" + operation, Map.of("key", key));
            out().println(done + " on the agent at " + client.address() + "; its primary key is now "
                    + view.path("primary").asText());
            print(out(), view);
            return 0;
        }
    }

    /** {@code keys install KEY}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Installs a key on the agent: it decrypts with it, still encrypting with its primary.")
    public static final class Install extends Change {
        /** The install step. */
        public Install() {
            super("install", "Installed the key");
        }
    }

    /** {@code keys use KEY}. */
    @Command(name = "use", mixinStandardHelpOptions = true,
            description = "Makes an installed key the agent's primary (encrypting) key.")
    public static final class Use extends Change {
        /** The use step. */
        public Use() {
            super("use", "Now encrypting with the key");
        }
    }

    /** {@code keys remove KEY}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a key that is not the agent's primary from its keyring.")
    public static final class Remove extends Change {
        /** The remove step. */
        public Remove() {
            super("remove", "Removed the key");
        }
    }
}
