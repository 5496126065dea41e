package io.grapevine.agent.config;

import io.grapevine.agent.handler.HandlerSpec;
import io.grapevine.core.CoreConfig;
import io.grapevine.core.detector.DetectorConfig;
import io.grapevine.core.base.Address;
import io.grapevine.core.membership.ZoneConfig;
import io.grapevine.core.base.TextLimits;
import io.grapevine.core.state.StateConfig;
import io.grapevine.net.Cluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything {@code grapevine agent} runs with, immutable and validated at construction: each
 * message names the flag (config files use the same names without the dashes) and the value,
 * e.g. {@code --bind must be HOST:PORT: 7946 (address must be host:port: 7946)}. Built by
 * {@link AgentSettings#toConfig} from the config file overridden by flags, or in code from
 * {@link #defaults} and the {@code withX} copiers. The timing presets are {@link #profile()}.
 *
 * <p>Secrets (the key, the HTTP token) never appear in {@link #toString()}.
 *
 * @param nodeName {@code --node}: this member's unique name, at most 255 UTF-8 bytes. Default: the
 *                 host name. Two live members with one name conflict; a restarted agent keeps its
 *                 name and takes a new generation.
 * @param bind {@code --bind}: address and port of the gossip sockets (UDP and TCP, one port); port 0
 *             picks a free one (tests). Default {@value #DEFAULT_BIND}.
 * @param advertise {@code --advertise}: {@code HOST:PORT} other members reach this one at (port 0:
 *                  the bound port); empty means the bind address, or, when that is a wildcard, the
 *                  first private (else any) non-loopback IPv4 address of the machine. Default empty.
 * @param httpAddr {@code --http-addr}: where the HTTP API listens; port 0 picks a free one. Loopback by
 *                 default because the API can make the node leave. Default {@value #DEFAULT_HTTP_ADDR}.
 * @param join {@code --join}: {@code HOST:PORT} seeds, tried with back-off at start; a DNS name stands
 *             for all its addresses, re-resolved at each attempt (a Kubernetes headless Service).
 *             With a data dir, remembered members are tried too. Default none.
 * @param dataDir {@code --data-dir}: a directory for state that outlives the process (the member
 *                snapshot, so a restart rejoins without {@code --join}); created if missing. Empty:
 *                none, nothing is written to disk. Default empty.
 * @param encryption {@code --encrypt} / {@code --keyring-file} / {@code --plaintext}: exactly one is
 *                   required; there is no default, so a cluster is never unencrypted by accident.
 * @param profile {@code --profile}: protocol timings, {@code lan}, {@code wan} or {@code local}; faster
 *                timings detect failures sooner and cost more packets. Default {@code lan}.
 * @param tags {@code --tag KEY=VALUE}: written to this node's replicated state at start, so every
 *             member sees them; keys obey the profile's state limits and may not start with
 *             {@value Cluster#RESERVED_KEY_PREFIX}. Default none.
 * @param eventHandlers {@code --event-handler [FILTER=]SCRIPT}: handler specs, kept as written, in order,
 *                      for the event handler runner. Default none.
 * @param logLevel {@code --log-level}: the root log level. Default {@code info}.
 * @param logJson {@code --log-json}: one JSON object per log line instead of human-readable text.
 *                Default false.
 * @param httpToken {@code --http-token}: the bearer token the HTTP API requires on writes; empty: none.
 *                  Printable ASCII without spaces (it travels in an HTTP header), as the HTTP API
 *                  itself requires. Default empty.
 * @param httpProtectReads {@code --http-protect-reads}: the HTTP API requires the token on reads too
 *                         ({@code GET /v1/health} stays open for probes). Needs a token. Default false:
 *                         anyone who can reach the API may read the member list and the state.
 * @param zone {@code --zone}: this member's zone (a datacenter, a rack), at most 64 UTF-8 bytes:
 *             zone-aware gossip (docs/PROTOCOL.md, "Zones"); members of one cluster in different zones
 *             talk across zones only through a few links per zone, with WAN timings. Empty: no zone,
 *             the flat protocol. Default empty.
 * @param quorumFailureDetection {@code --quorum-failure-detection}: declare a member dead only once a
 *                               majority of the live members reported it suspect (Redis Cluster's PFAIL
 *                               to FAIL, {@code DetectorConfig.quorumFailureDetection}), so the side of a
 *                               partition without a majority never declares the other side dead. A real
 *                               failure waits for enough suspicions, about N/2 probe periods: it suits
 *                               small clusters. Default false.
 * @param proofFirstAcks {@code --proof-first-acks}: how many consecutive ping answers a suspected member's
 *                       first refutation needs before it is taken back ({@code
 *                       DetectorConfig.proofOfLifeFirstAcks}); later refutations within the proof-of-life
 *                       memory already need the profile's proof. 0 takes a first refutation at once;
 *                       4 makes a persistently lossy member go out once and stay out instead of being
 *                       suspected and refuted again, at the price of a slower heal after a partition
 *                       (docs/PROTOCOL.md, "Optionally, a first refutation too"). 0..16. Default 0.
 */
public record AgentConfig(String nodeName, Address bind, String advertise, Address httpAddr, List<String> join,
                          String dataDir, Encryption encryption, Profile profile, Map<String, String> tags,
                          List<String> eventHandlers, LogLevel logLevel, boolean logJson, String httpToken,
                          boolean httpProtectReads, String zone, boolean quorumFailureDetection,
                          int proofFirstAcks) {
    /** {@code --bind}'s default: every interface, Serf's port. */
    public static final String DEFAULT_BIND = "0.0.0.0:7946";
    /** {@code --http-addr}'s default: loopback only, Serf's RPC port. */
    public static final String DEFAULT_HTTP_ADDR = "127.0.0.1:7373";

    /** Validates every field; the message names the flag and the value. */
    public AgentConfig {
        try {
            TextLimits.checkName("--node", nodeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": \"" + nodeName + "\"");
        }
        notNull("--bind", bind);
        notNull("--advertise", advertise);
        if (!advertise.isEmpty()) {
            parseAddress("--advertise", advertise);
        }
        notNull("--http-addr", httpAddr);
        notNull("--join", join);
        join = List.copyOf(join);
        for (String seed : join) {
            if (parseAddress("--join", seed).port() == 0) {
                throw new IllegalArgumentException("--join port must be in 1..65535: " + seed);
            }
        }
        if (proofFirstAcks < 0 || proofFirstAcks > DetectorConfig.MAX_PROOF_OF_LIFE_ACKS) {
            throw badProofFirstAcks(String.valueOf(proofFirstAcks));
        }
        notNull("--data-dir", dataDir);
        if (!dataDir.isEmpty() && dataDir.isBlank()) {
            throw new IllegalArgumentException("--data-dir must not be blank: \"" + dataDir + "\"");
        }
        notNull("encryption (--encrypt, --keyring-file or --plaintext)", encryption);
        notNull("--profile", profile);
        notNull("--tag", tags);
        tags = checkTags(tags, profile.core().state());
        notNull("--event-handler", eventHandlers);
        eventHandlers = List.copyOf(eventHandlers);
        for (String handler : eventHandlers) {
            if (handler.isBlank()) {
                throw new IllegalArgumentException("--event-handler must not be blank: \"" + handler + "\"");
            }
            HandlerSpec.parse(handler); // a bad spec is refused here, naming --event-handler and the bad part
        }
        notNull("--log-level", logLevel);
        notNull("--zone", zone);
        try {
            ZoneConfig.defaults().withZone(zone);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + e.getMessage() + ": \"" + zone + "\"");
        }
        notNull("--http-token", httpToken);
        // the same rule as HttpSettings.bearerToken, so an agent never starts with a token its API refuses
        if (!httpToken.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("--http-token must be printable ASCII without spaces "
                    + "(it travels in an HTTP header)");
        }
        if (httpProtectReads && httpToken.isEmpty()) {
            throw new IllegalArgumentException("--http-protect-reads needs --http-token (the token reads would need)");
        }
    }

    /**
     * The defaults, for a node named {@code nodeName} protected by {@code encryption}: bind
     * {@value #DEFAULT_BIND}, HTTP on {@value #DEFAULT_HTTP_ADDR}, LAN profile, no seeds, no data dir,
     * no tags, no handlers, info logs as text, no HTTP token, reads unprotected, no quorum rule,
     * first refutations taken at once.
     *
     * @param nodeName the node's name
     * @param encryption how gossip is protected (no default on purpose)
     * @return a valid configuration
     */
    public static AgentConfig defaults(String nodeName, Encryption encryption) {
        return new AgentConfig(nodeName, Address.parse(DEFAULT_BIND), "", Address.parse(DEFAULT_HTTP_ADDR), List.of(),
                "", encryption, Profile.LAN, Map.of(), List.of(), LogLevel.INFO, false, "", false, "", false, 0);
    }

    /**
     * Parses {@code HOST:PORT} (IPv6 in brackets), the message naming {@code flag}.
     *
     * @param flag the flag or config key the text came from, e.g. {@code --bind}
     * @param text what the user wrote
     * @return the address
     * @throws IllegalArgumentException {@code FLAG must be HOST:PORT: TEXT (why)}
     */
    public static Address parseAddress(String flag, String text) {
        try {
            return Address.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " must be HOST:PORT: " + text + " (" + e.getMessage() + ")");
        }
    }

    private static Map<String, String> checkTags(Map<String, String> tags, StateConfig limits) {
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String key = tag.getKey();
            String value = tag.getValue();
            if (key == null || key.isBlank() || key.indexOf('=') >= 0) {
                throw new IllegalArgumentException("--tag key must be non-blank and without '=': \"" + key + "\"");
            }
            if (key.startsWith(Cluster.RESERVED_KEY_PREFIX)) {
                throw new IllegalArgumentException("--tag key must not start with " + Cluster.RESERVED_KEY_PREFIX
                        + " (written by the runtime): " + key);
            }
            if (!TextLimits.isWellFormed(key) || key.getBytes(StandardCharsets.UTF_8).length > limits.maxKeyBytes()) {
                throw new IllegalArgumentException("--tag key must be at most " + limits.maxKeyBytes()
                        + " UTF-8 bytes: " + key);
            }
            if (value == null) {
                throw new IllegalArgumentException("--tag " + key + " has no value (write " + key + "=VALUE)");
            }
            if (value.getBytes(StandardCharsets.UTF_8).length > limits.maxValueBytes()) {
                throw new IllegalArgumentException("--tag " + key + " value must be at most " + limits.maxValueBytes()
                        + " bytes, was " + value.getBytes(StandardCharsets.UTF_8).length);
            }
            sorted.put(key, value);
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }

    private static void notNull(String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }

    /**
     * The advertise address, if one was given.
     *
     * @return {@link #advertise()} parsed, or empty when it is to be derived
     */
    public Optional<Address> advertiseAddress() {
        return advertise.isEmpty() ? Optional.empty() : Optional.of(Address.parse(advertise.trim()));
    }

    /**
     * The data directory, if one was given.
     *
     * @return {@link #dataDir()} as a path, or empty
     */
    public Optional<Path> dataDirectory() {
        return dataDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(dataDir));
    }

    /**
     * A copy with another node name.
     *
     * @param value the name
     * @return the copy
     */
    public AgentConfig withNodeName(String value) {
        return new AgentConfig(value, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another gossip bind address.
     *
     * @param value the address (port 0: any free port)
     * @return the copy
     */
    public AgentConfig withBind(Address value) {
        return new AgentConfig(nodeName, value, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another advertise address.
     *
     * @param value {@code HOST:PORT}, or empty to derive it
     * @return the copy
     */
    public AgentConfig withAdvertise(String value) {
        return new AgentConfig(nodeName, bind, value, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another HTTP API address.
     *
     * @param value the address (port 0: any free port)
     * @return the copy
     */
    public AgentConfig withHttpAddr(Address value) {
        return new AgentConfig(nodeName, bind, advertise, value, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with other seeds.
     *
     * @param value {@code HOST:PORT} seeds
     * @return the copy
     */
    public AgentConfig withJoin(List<String> value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, value, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another data directory.
     *
     * @param value the directory, or empty for none
     * @return the copy
     */
    public AgentConfig withDataDir(String value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, value, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another encryption setting.
     *
     * @param value the setting
     * @return the copy
     */
    public AgentConfig withEncryption(Encryption value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, value, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another timing profile.
     *
     * @param value the profile
     * @return the copy
     */
    public AgentConfig withProfile(Profile value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, value, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with other tags.
     *
     * @param value key to value
     * @return the copy
     */
    public AgentConfig withTags(Map<String, String> value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, value,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with other event handler specs.
     *
     * @param value {@code [FILTER=]SCRIPT} specs
     * @return the copy
     */
    public AgentConfig withEventHandlers(List<String> value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                value, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another log level.
     *
     * @param value the level
     * @return the copy
     */
    public AgentConfig withLogLevel(LogLevel value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, value, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy that logs JSON lines, or text.
     *
     * @param value true for JSON
     * @return the copy
     */
    public AgentConfig withLogJson(boolean value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, value, httpToken, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with another HTTP token.
     *
     * @param value the token, or empty for none
     * @return the copy
     */
    public AgentConfig withHttpToken(String value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, value, httpProtectReads, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy that does or does not require the HTTP token on reads.
     *
     * @param value true to protect reads (needs a token)
     * @return the copy
     */
    public AgentConfig withHttpProtectReads(boolean value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, value, zone, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy in another zone.
     *
     * @param value the zone; empty for none
     * @return the copy
     */
    public AgentConfig withZone(String value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, value, quorumFailureDetection,
                proofFirstAcks);
    }

    /**
     * A copy with the quorum rule of the failure detector on or off.
     *
     * @param value true to declare a member dead only once a majority of live members suspected it
     * @return the copy
     */
    public AgentConfig withQuorumFailureDetection(boolean value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, value,
                proofFirstAcks);
    }

    /**
     * A copy whose suspected members' first refutations need {@code value} ping answers.
     *
     * @param value 0..16
     * @return the copy
     */
    public AgentConfig withProofFirstAcks(int value) {
        return new AgentConfig(nodeName, bind, advertise, httpAddr, join, dataDir, encryption, profile, tags,
                eventHandlers, logLevel, logJson, httpToken, httpProtectReads, zone, quorumFailureDetection, value);
    }

    /**
     * Reads {@code --proof-first-acks}.
     *
     * @param text what the user wrote
     * @return the number
     * @throws IllegalArgumentException {@code --proof-first-acks must be an integer 0..16: TEXT}
     */
    public static int parseProofFirstAcks(String text) {
        try {
            return Integer.parseInt(text.trim()); // the range is checked with the rest of the config
        } catch (NumberFormatException e) {
            throw badProofFirstAcks(text);
        }
    }

    private static IllegalArgumentException badProofFirstAcks(String text) {
        return new IllegalArgumentException("--proof-first-acks must be an integer 0.."
                + DetectorConfig.MAX_PROOF_OF_LIFE_ACKS + ": " + text);
    }

    /**
     * The protocol configuration the agent's node runs: the profile's preset, in this agent's zone,
     * with the quorum rule and the first-refutation proof if asked for.
     */
    public CoreConfig core() {
        return profile.core().withZone(z -> z.withZone(zone))
                .withDetector(d -> d.withQuorumFailureDetection(quorumFailureDetection)
                        .withProofOfLifeFirstAcks(proofFirstAcks));
    }

    @Override
    public String toString() {
        return "AgentConfig[nodeName=" + nodeName + ", bind=" + bind + ", advertise=" + advertise + ", httpAddr="
                + httpAddr + ", join=" + join + ", dataDir=" + dataDir + ", encryption=" + encryption + ", profile="
                + profile.flagValue() + ", tags=" + tags + ", eventHandlers=" + eventHandlers + ", logLevel="
                + logLevel.flagValue() + ", logJson=" + logJson + ", httpToken=" + (httpToken.isEmpty() ? "none" : "set")
                + ", httpProtectReads=" + httpProtectReads + ", zone=" + zone
                + ", quorumFailureDetection=" + quorumFailureDetection + ", proofFirstAcks=" + proofFirstAcks + "]";
    }
}
