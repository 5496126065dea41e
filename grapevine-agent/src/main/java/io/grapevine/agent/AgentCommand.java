package io.grapevine.agent;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.AgentSettings;
import io.grapevine.agent.config.AgentSettings.Key;
import io.grapevine.agent.config.ConfigFile;
import io.grapevine.agent.log.LogSetup;
import io.grapevine.agent.run.Agent;
import io.grapevine.agent.run.AgentServices;
import io.grapevine.agent.run.AgentStartException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code grapevine agent}: runs a real node until SIGTERM or SIGINT, whose shutdown hook leaves the
 * cluster gracefully (bounded) and then stops. Settings come from {@code --config FILE} (JSON or
 * YAML, keys named as the flags) overridden by flags; see {@link AgentSettings} for the merge rules
 * and docs/agent.md for the whole story.
 *
 * <p>Prints one banner line on stdout once running ({@link Agent#banner()}); logs go to stderr.
 * Exit codes: 0 after a signal-initiated stop, 1 if the agent could not start (one line naming the
 * flag: the port is taken, the data dir is a file), 2 on a bad flag or config value (one line).
 */
@Command(name = "agent", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a Grapevine node until SIGTERM/SIGINT, then leaves the cluster gracefully.",
        footer = {"", "Settings may also come from --config FILE, whose keys are the flag names without the dashes "
                + "(join and event-handler take lists, tag a mapping); flags override the file. See docs/agent.md."})
public final class AgentCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--node", paramLabel = "NAME", description = "This member's unique name. Default: the host name.")
    private String node;

    @Option(names = "--bind", paramLabel = "HOST:PORT", description = "Gossip address, UDP and TCP "
            + "(port 0: any free port). Default: " + AgentConfig.DEFAULT_BIND + ".")
    private String bind;

    @Option(names = "--advertise", paramLabel = "HOST:PORT", description = "Address other members reach this one at "
            + "(port 0: the bound port). Default: the bind address; for a wildcard bind, the first private IPv4 address.")
    private String advertise;

    @Option(names = "--zone", paramLabel = "NAME", description = "This member's zone (a datacenter, a rack): "
            + "zone-aware gossip, a few links per zone carry the traffic between zones, with WAN timings. "
            + "Default: none (the flat protocol).")
    private String zone;

    @Option(names = "--http-addr", paramLabel = "HOST:PORT", description = "Address of the HTTP API "
            + "(port 0: any free port). Default: " + AgentConfig.DEFAULT_HTTP_ADDR + ".")
    private String httpAddr;

    @Option(names = "--join", paramLabel = "HOST:PORT", description = "A member to join through; repeatable; a DNS "
            + "name stands for all its addresses. Default: none (with --data-dir, the members remembered there).")
    private List<String> join;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file, JSON (*.json) or YAML; flags "
            + "override it. Default: none.")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory for the member snapshot, so a restart "
            + "rejoins without --join; created if missing. Default: none (nothing written to disk).")
    private String dataDir;

    @Option(names = "--encrypt", paramLabel = "BASE64KEY", description = "Encrypt gossip with this 32-byte AES-256 key "
            + "(base64; e.g. head -c32 /dev/urandom | base64). One of --encrypt, --keyring-file, --plaintext is required.")
    private String encrypt;

    @Option(names = "--keyring-file", paramLabel = "FILE", description = "Encrypt with the keys in FILE, a JSON array "
            + "of base64 keys, the first the primary. Default: none.")
    private String keyringFile;

    @Option(names = "--plaintext", arity = "0..1", paramLabel = "BOOL", description = "Run without encryption, "
            + "explicitly. Default: false.")
    private Boolean plaintext;

    @Option(names = "--profile", paramLabel = "lan|wan|local|fast", description = "Protocol timings: lan (probe 1 s, "
            + "a 5 s pause tolerated), wan (5 s), local (200 ms, one machine), fast (250 ms, a 1 s pause tolerated: a silent "
            + "member is dead in about 1.1 s). Default: lan.")
    private String profile;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Written to this node's replicated state at "
            + "start; repeatable. Default: none.")
    private Map<String, String> tags;

    @Option(names = "--event-handler", paramLabel = "[FILTER=]SCRIPT", description = "Run SCRIPT on cluster events "
            + "(FILTER: e.g. member-join,user:deploy); repeatable. Default: none.")
    private List<String> eventHandlers;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "trace, debug, info, warn or error. "
            + "Default: info.")
    private String logLevel;

    @Option(names = "--log-json", arity = "0..1", paramLabel = "BOOL", description = "Log one JSON object per line "
            + "(on stderr). Default: false (text).")
    private Boolean logJson;

    @Option(names = "--http-token", paramLabel = "TOKEN", description = "Bearer token the HTTP API requires on writes "
            + "(printable ASCII, no spaces). Default: none.")
    private String httpToken;

    @Option(names = "--http-protect-reads", arity = "0..1", paramLabel = "BOOL", description = "Require the token on "
            + "reads too (GET /v1/health stays open); needs --http-token. Default: false.")
    private Boolean httpProtectReads;

    @Option(names = "--quorum-failure-detection", arity = "0..1", paramLabel = "BOOL", description = "Declare a member "
            + "dead only once a majority of the live members suspected it: the minority side of a partition never "
            + "declares the majority dead; detection takes about N/2 probe periods (small clusters). Default: false.")
    private Boolean quorumFailureDetection;

    @Option(names = "--proof-first-acks", paramLabel = "N", description = "Consecutive ping answers a suspected "
            + "member's first refutation needs before it is taken back (later ones already need the profile's proof): "
            + "with 4 a persistently lossy member goes out once and stays out instead of flapping, but a partition "
            + "heals more slowly. 0..16. Default: 0 (a first refutation is taken at once).")
    private String proofFirstAcks;

    @Override
    public Integer call() {
        AgentConfig agentConfig = resolveConfig();
        LogSetup.apply(agentConfig.logLevel(), agentConfig.logJson(), System.err);
        PrintWriter out = spec.commandLine().getOut();
        Agent agent;
        try {
            agent = Agent.start(agentConfig, AgentServices.standard(agentConfig));
        } catch (AgentStartException e) {
            spec.commandLine().getErr().println("grapevine agent: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(agent::close, "grapevine-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(agent.banner());
        out.flush();
        agent.stopped().join(); // the hook (SIGTERM/SIGINT) or a service (the HTTP API's leave) stops it
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook has run
        }
        return 0;
    }

    /**
     * The configuration the parsed flags describe: the config file (if any) overridden by the flags,
     * with the defaults applied.
     *
     * @return the validated configuration
     * @throws ParameterException one line naming the flag (and file) and the value
     */
    AgentConfig resolveConfig() {
        try {
            AgentSettings file = config == null ? AgentSettings.empty() : ConfigFile.read(config);
            return file.overriddenBy(flags()).toConfig(AgentCommand::hostName);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private AgentSettings flags() {
        AgentSettings flags = AgentSettings.empty();
        flags = set(flags, Key.NODE, node);
        flags = set(flags, Key.BIND, bind);
        flags = set(flags, Key.ADVERTISE, advertise);
        flags = set(flags, Key.HTTP_ADDR, httpAddr);
        flags = set(flags, Key.JOIN, join);
        flags = set(flags, Key.DATA_DIR, dataDir);
        flags = set(flags, Key.ENCRYPT, encrypt);
        flags = set(flags, Key.KEYRING_FILE, keyringFile);
        flags = set(flags, Key.PLAINTEXT, plaintext);
        flags = set(flags, Key.PROFILE, profile);
        flags = set(flags, Key.TAG, tags);
        flags = set(flags, Key.EVENT_HANDLER, eventHandlers);
        flags = set(flags, Key.LOG_LEVEL, logLevel);
        flags = set(flags, Key.LOG_JSON, logJson);
        flags = set(flags, Key.HTTP_TOKEN, httpToken);
        flags = set(flags, Key.ZONE, zone);
        flags = set(flags, Key.QUORUM_FAILURE_DETECTION, quorumFailureDetection);
        flags = set(flags, Key.PROOF_FIRST_ACKS, proofFirstAcks);
        return set(flags, Key.HTTP_PROTECT_READS, httpProtectReads);
    }

    private static AgentSettings set(AgentSettings settings, Key key, Object value) {
        return value == null ? settings : settings.with(key, value, "flag");
    }

    /**
     * The default node name.
     *
     * @return the host name, else $HOSTNAME, else {@code grapevine}
     */
    static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException e) {
            // no resolvable host name: fall through to the environment
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "grapevine" : env;
    }
}
