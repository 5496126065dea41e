package io.grapevine.agent.netns;

import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.agent.client.ClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes made through the agents' HTTP API during a fault, and which of them were acknowledged
 * (a 2xx answer): each node's own keys ({@code PUT /v1/kv/KEY}, replicated to every member) and
 * the shared keyspace ({@code PUT /v1/shared/netns/KEY}, held by {@code rf} replicas). An
 * acknowledged write must end up readable on every agent; {@link #missing} says which are not.
 * Thread-safe: a background writer calls {@link #round} while the test reads the counts.
 */
final class AckedWrites {
    private static final String MAP = "netns";

    private final NetnsCluster cluster;
    /** Per writer node: key to value, for the acknowledged writes of its own keys. */
    private final Map<Integer, Map<String, String>> ownKeys = new LinkedHashMap<>();
    /** Shared key to value, for the acknowledged shared writes. */
    private final Map<String, String> shared = new LinkedHashMap<>();
    private int attempts;
    private int sharedRefused;

    AckedWrites(NetnsCluster cluster) {
        this.cluster = cluster;
    }

    /** One write of each kind on every node in {@code writers}; keys are {@code scenario-round-node}. */
    synchronized void round(String scenario, List<Integer> writers) {
        for (int writer : writers) {
            String key = scenario + "-" + attempts + "-" + NetnsCluster.name(writer);
            attempts++;
            String value = "v" + attempts;
            try {
                cluster.client(writer).putJson("/v1/kv/" + key, Map.of("value", value));
                ownKeys.computeIfAbsent(writer, w -> new LinkedHashMap<>()).put(key, value);
            } catch (ClientException e) {
                // not acknowledged: nothing is owed for it
            }
            try {
                cluster.client(writer).putJson("/v1/shared/" + MAP + "/" + key, Map.of("value", value));
                shared.put(key, value);
            } catch (ClientException e) {
                sharedRefused++; // no replica acknowledged in time (a 504): the write may or may not land
            }
        }
    }

    /** Acknowledged writes of nodes' own keys. */
    synchronized int ownKeysAcked() {
        return ownKeys.values().stream().mapToInt(Map::size).sum();
    }

    /** Acknowledged writes of {@code node}'s own keys. */
    synchronized int ownKeysAckedBy(int node) {
        return ownKeys.getOrDefault(node, Map.of()).size();
    }

    /** Acknowledged shared-keyspace writes. */
    synchronized int sharedAcked() {
        return shared.size();
    }

    /** Shared-keyspace writes that got no acknowledgement. */
    synchronized int sharedRefused() {
        return sharedRefused;
    }

    /**
     * The acknowledged writes some agent does not show, its own keys and, with {@code shared}, the
     * shared map too (and agents whose shared map differs from node 1's).
     *
     * @param withShared whether to read the shared map through every agent too
     * @return one line per problem, naming the observer; empty when every agent holds every
     *         acknowledged write
     */
    synchronized List<String> missing(boolean withShared) {
        List<String> problems = new ArrayList<>();
        Map<String, String> firstShared = null;
        for (int observer = 1; observer <= cluster.size(); observer++) {
            String at = " at " + NetnsCluster.name(observer);
            for (Map.Entry<Integer, Map<String, String>> writer : ownKeys.entrySet()) {
                Map<String, String> held = read(observer, "/v1/kv?node=" + NetnsCluster.name(writer.getKey()),
                        problems);
                writer.getValue().forEach((key, value) -> {
                    if (!value.equals(held.get(key))) {
                        problems.add("n" + writer.getKey() + "'s " + key + at);
                    }
                });
            }
            if (!withShared) {
                continue;
            }
            Map<String, String> sharedHeld = read(observer, "/v1/shared/" + MAP, problems);
            shared.forEach((key, value) -> {
                if (!value.equals(sharedHeld.get(key))) {
                    problems.add("shared " + key + at);
                }
            });
            if (firstShared == null) {
                firstShared = sharedHeld;
            } else if (!firstShared.equals(sharedHeld)) {
                problems.add("the shared map" + at + " differs from n1's");
            }
        }
        return problems;
    }

    /** How many acknowledged writes some agent does not show (0 once converged). */
    synchronized long lost() {
        return missing(true).stream().filter(p -> p.startsWith("n") || p.startsWith("shared"))
                .map(p -> p.substring(0, p.lastIndexOf(" at "))).distinct().count();
    }

    private Map<String, String> read(int observer, String path, List<String> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            JsonNode answer = cluster.client(observer).get(path);
            answer.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        } catch (ClientException e) {
            problems.add("GET " + path + " at " + NetnsCluster.name(observer) + " failed: " + e.getMessage());
        }
        return values;
    }
}
