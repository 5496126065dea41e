package io.grapevine.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code grapevine reachability}: the agent pings every live member over UDP and over TCP,
 * waits, and reports who answered on which ({@code GET /v1/reachability}), like Serf's
 * {@code reachability}: a table MEMBER, ADDRESS, UDP, TCP (each {@code ok (RTT ms)} or
 * {@code no answer}), then a summary, {@code Successfully contacted all live members ...} when
 * every one answered on both. A member answering on TCP only usually sits behind a firewall
 * dropping datagrams. Exit 0 either way: the report is the result.
 */
@Command(name = "reachability", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Pings every live member over UDP and TCP and reports who answers on which.")
public final class ReachabilityCommand extends ClientCommand {
    @Option(names = "--wait-ms", paramLabel = "MILLIS", description = "How long the agent waits for answers, "
            + "1..10000 ms. Default: 500.")
    private long waitMillis = 500;

    @Override
    protected int run(AgentClient client) {
        if (waitMillis < 1 || waitMillis > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec().commandLine(),
                    "--wait-ms must be in 1..10000: " + waitMillis);
        }
        JsonNode answers = client.get("/v1/reachability" + Urls.query(true, "waitMillis", Long.toString(waitMillis)));
        if (answers.isEmpty()) {
            out().println("No other live member to contact.");
            return 0;
        }
        Table table = Table.withHeader("MEMBER", "ADDRESS", "UDP", "TCP");
        List<String> missing = new ArrayList<>();
        for (JsonNode a : answers) {
            boolean udp = a.path("udp").asBoolean();
            boolean tcp = a.path("tcp").asBoolean();
            table.row(a.path("member").asText(), a.path("address").asText(), answer(udp, a.path("udpRttMillis")),
                    answer(tcp, a.path("tcpRttMillis")));
            if (!udp || !tcp) {
                missing.add(a.path("member").asText() + (udp || tcp ? (udp ? " (no TCP)" : " (no UDP)") : ""));
            }
        }
        table.print(out());
        if (missing.isEmpty()) {
            out().println("Successfully contacted all live members over UDP and TCP (" + answers.size() + ")");
        } else {
            out().println(missing.size() + " of " + answers.size() + " live members did not answer within "
                    + waitMillis + " ms: " + String.join(", ", missing));
        }
        return 0;
    }

    private static String answer(boolean answered, JsonNode rttMillis) {
        if (!answered) {
            return "no answer";
        }
        return rttMillis.isNumber() ? String.format(Locale.ROOT, "ok (%.2f ms)", rttMillis.asDouble()) : "ok";
    }
}
