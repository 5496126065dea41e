package io.grapevine.agent.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grapevine.agent.config.LogLevel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogSetupTest {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final Logger log = LoggerFactory.getLogger("io.grapevine.test.Agent");

    @AfterEach
    void restoreTheDefaultConfiguration() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    private List<String> lines() {
        return sink.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void textByDefaultAtTheChosenRootLevel() {
        LogSetup.apply(LogLevel.INFO, false, sink);
        log.debug("hidden");
        log.info("joined: {} live members", 2);
        LoggerFactory.getLogger("io.netty.Whatever").debug("hidden too");
        assertThat(lines()).singleElement().asString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  Agent: joined: 2 live members");
    }

    @Test
    void jsonIsOneObjectPerLine() throws Exception {
        LogSetup.apply(LogLevel.WARN, true, sink);
        log.info("hidden");
        log.warn("join failed: {}", "no seed answered");
        log.error("with a \"quote\"\nand a new line", new IllegalStateException("boom"));
        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode warn = json.readTree(lines.get(0));
        assertThat(warn.get("level").asText()).isEqualTo("WARN");
        assertThat(warn.get("loggerName").asText()).isEqualTo("io.grapevine.test.Agent");
        assertThat(warn.get("formattedMessage").asText()).isEqualTo("join failed: no seed answered");
        assertThat(warn.get("timestamp").asLong()).isPositive();
        JsonNode error = json.readTree(lines.get(1));
        assertThat(error.get("formattedMessage").asText()).isEqualTo("with a \"quote\"\nand a new line");
        assertThat(error.get("throwable").toString()).contains("boom");
    }

    @Test
    void theDefaultConfigurationOnlyShowsWarnings() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
                .isEqualTo(ch.qos.logback.classic.Level.WARN);
        assertThat(LoggerFactory.getLogger("io.grapevine.net.Cluster").isInfoEnabled()).isFalse();
    }
}
