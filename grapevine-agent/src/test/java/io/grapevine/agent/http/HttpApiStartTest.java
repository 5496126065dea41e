package io.grapevine.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grapevine.net.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting and stopping {@link HttpApi}. */
class HttpApiStartTest {
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void closeAll() {
        nodes.close();
    }

    @Test
    void aPortInUseFailsTheStartNamingTheAddress() {
        Cluster node = nodes.start("start");
        HttpApi first = nodes.api(node);

        assertThatThrownBy(() -> nodes.api(node, HttpSettings.defaults().withPort(first.port())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the HTTP API cannot listen on 127.0.0.1:" + first.port() + ": ");
    }

    @Test
    void closeIsIdempotentAndLeavesTheClusterRunning() {
        Cluster node = nodes.start("close");
        HttpApi api = nodes.api(node);
        assertThat(api.address()).isEqualTo("127.0.0.1:" + api.port());

        api.close();
        api.close();

        assertThat(node.liveMembers()).hasSize(1);
    }
}
