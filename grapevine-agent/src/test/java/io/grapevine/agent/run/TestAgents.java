package io.grapevine.agent.run;

import io.grapevine.agent.config.AgentConfig;
import io.grapevine.agent.config.Encryption;
import io.grapevine.agent.config.Profile;
import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Agents on loopback for tests: port 0 everywhere, the LOCAL profile, one shared key; every agent
 * started through {@link #start} is halted by {@link #close}.
 */
final class TestAgents implements AutoCloseable {
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private final List<Agent> started = new ArrayList<>();

    static AgentConfig config(String name) {
        return AgentConfig.defaults(name, Encryption.key(KEY)).withBind(new Address("127.0.0.1", 0))
                .withHttpAddr(new Address("127.0.0.1", 0)).withProfile(Profile.LOCAL);
    }

    Agent start(AgentConfig config, AgentService... services) {
        Agent agent = Agent.start(config, List.of(services));
        started.add(agent);
        return agent;
    }

    /** {@code agent}'s gossip address, as a {@code --join} value. */
    static String gossip(Agent agent) {
        return agent.cluster().id().address().toString();
    }

    /** How {@code observer} sees {@code name}, if it knows it. */
    static Optional<MemberStatus> status(Agent observer, String name) {
        return observer.cluster().members().stream().filter(m -> m.name().equals(name)).map(Member::status)
                .findFirst();
    }

    static long alive(Agent observer) {
        return observer.cluster().members().stream().filter(m -> m.status() == MemberStatus.ALIVE).count();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).halt();
        }
    }
}
