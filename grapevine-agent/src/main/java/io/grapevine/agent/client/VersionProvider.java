package io.grapevine.agent.client;

import io.grapevine.agent.http.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code grapevine --version}: the version Maven built (the same the agent's {@code /v1/info}
 * reports) and the Java runtime it runs on.
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"grapevine " + BuildInfo.version(), "Java " + Runtime.version()};
    }
}
