package io.grapevine.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AgentBannerTest {
    @Test
    void theAgentsBannerGivesItsRealPorts() {
        assertThat(AgentBanner.parse("grapevine agent: node=node-2 gossip=127.0.0.1:41234 http=127.0.0.1:40001 "
                + "profile=local encryption=off"))
                .contains(new AgentBanner("node-2", "127.0.0.1:41234", "127.0.0.1:40001"));
        assertThat(new AgentBanner("n", "127.0.0.1:1", "127.0.0.1:40001").httpBase())
                .isEqualTo(URI.create("http://127.0.0.1:40001"));
    }

    @Test
    void otherLinesAndPortZeroAreNotABanner() {
        assertThat(AgentBanner.parse("some other line")).isEmpty();
        assertThat(AgentBanner.parse("grapevine agent: node=n gossip=127.0.0.1:7946 http=127.0.0.1:0 profile=lan")).isEmpty();
    }
}
