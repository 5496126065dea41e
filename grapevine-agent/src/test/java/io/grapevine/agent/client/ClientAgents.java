package io.grapevine.agent.client;

import static org.awaitility.Awaitility.await;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.Encryption;
import io.grapevine.agent.config.Profile;
import io.grapevine.agent.run.Agent;
import io.grapevine.agent.run.AgentServices;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Member;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Real agents with their standard services (the HTTP API among them) on loopback: port 0 for
 * gossip and HTTP, the LOCAL profile, one shared key. {@link #close} halts every agent started
 * here that is still running.
 */
final class ClientAgents implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private final List<Agent> started = new ArrayList<>();

    static AgentConfig config(String name) {
        return AgentConfig.defaults(name, Encryption.key(KEY)).withBind(new Address("127.0.0.1", 0))
                .withHttpAddr(new Address("127.0.0.1", 0)).withProfile(Profile.LOCAL);
    }

    /** An agent named {@code name} with the test defaults changed by {@code change}. */
    Agent start(String name, UnaryOperator<AgentConfig> change) {
        AgentConfig config = change.apply(config(name));
        Agent agent = Agent.start(config, AgentServices.standard(config));
        started.add(agent);
        return agent;
    }

    /** An agent named {@code name} with the test defaults. */
    Agent start(String name) {
        return start(name, UnaryOperator.identity());
    }

    /** Agents {@code names}, each joined to the first, once every one sees all alive. */
    List<Agent> joined(String... names) {
        Agent first = start(names[0]);
        List<Agent> agents = new ArrayList<>(List.of(first));
        for (String name : Arrays.asList(names).subList(1, names.length)) {
            agents.add(start(name, c -> c.withJoin(List.of(gossip(first)))));
        }
        await().atMost(DEADLINE).until(() -> agents.stream().allMatch(a -> alive(a) == names.length));
        return agents;
    }

    /** {@code agent}'s gossip address, as a join seed. */
    static String gossip(Agent agent) {
        return agent.cluster().id().address().toString();
    }

    /** {@code --http-addr} of {@code agent}'s API: the real port, from its banner. */
    static String http(Agent agent) {
        return Arrays.stream(agent.banner().split(" ")).filter(f -> f.startsWith("http=")).findFirst()
                .map(f -> f.substring("http=".length())).orElseThrow();
    }

    static long alive(Agent observer) {
        return observer.cluster().members().stream().filter(m -> m.status() == MemberStatus.ALIVE).count();
    }

    /** How {@code observer} sees {@code name}, if it knows it. */
    static Optional<MemberStatus> status(Agent observer, String name) {
        return observer.cluster().members().stream().filter(m -> m.name().equals(name)).map(Member::status)
                .findFirst();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).halt();
        }
    }
}
