package io.grapevine.agent.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The agent's version, as Maven wrote it into {@code version.properties} beside this class
 * when it built the jar (resource filtering in grapevine-agent/pom.xml). {@code /v1/info} and
 * {@code grapevine --version} report it.
 */
public final class BuildInfo {
    private BuildInfo() {
    }

    /**
     * The project version, e.g. {@code 0.1.0-SNAPSHOT}.
     *
     * @throws IllegalStateException if the build did not write it (a packaging bug)
     */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the agent's jar: a build bug");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("version.properties was not filtered by the build: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
