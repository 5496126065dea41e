package io.grapevine.agent.demo;

import io.grapevine.agent.run.AgentBanner;
import com.fasterxml.jackson.databind.JsonNode;
import io.grapevine.agent.demo.AgentApi.Health;
import io.grapevine.agent.demo.Cast.LiveAgent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the demo shows, in order: the first agent starts and its dashboard URL is printed; the
 * others start, each told only the first one's address, and the cluster converges (every
 * {@code /v1/health} answers 200); a key written on one agent reaches all; a user event reaches
 * all; one agent is SIGKILLed, suspected and declared failed (by whom, how fast everyone saw it);
 * it restarts under the same name and rejoins. Each step is timed with the demo's clock from the
 * events the agents stream ({@link EventLog}) and waits with a deadline.
 */
final class Story {
    /** A JVM start on a busy two-core machine takes seconds; several start at once. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    /** Each step of the story; the local profile needs well under a second for any of them. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_NANOS = Duration.ofMillis(100).toNanos();
    private static final long WATCH_NANOS = Duration.ofSeconds(1).toNanos();
    private static final String FIRST = "node-1";
    private static final String KEY = "greeting";
    private static final String EVENT = "deploy";
    private static final String PAYLOAD = "v1.2.3";

    private final Cast cast;
    private final Narrator say;
    private LiveAgent first;

    Story(Cast cast, Narrator say) {
        this.cast = cast;
        this.say = say;
    }

    /**
     * Tells the whole story; returns once the restarted agent has rejoined and the cluster has
     * converged again, with every agent running.
     *
     * @return the first agent (whose dashboard the demo pointed to)
     * @throws DemoFailure naming the step that did not happen in time
     */
    LiveAgent tell() {
        startFirst();
        startOthers();
        spreadKey();
        spreadEvent();
        String victim = killLast();
        restart(victim);
        return first;
    }

    private void startFirst() {
        String name = FIRST;
        say.say("starting %s: grapevine agent --node %s --bind 127.0.0.1:0 --http-addr 127.0.0.1:0 --plaintext "
                + "--profile local", name, name);
        ChildAgent child = cast.launch(name, List.of());
        AgentBanner banner = child.awaitBanner(START_TIMEOUT);
        first = cast.adopt(child, banner);
        say.say("%s is up after %s (pid %d): gossip on %s; its HTTP API and live dashboard:", name,
                Narrator.span(child.bannerNanos() - child.launchedNanos()), child.pid(), banner.gossip());
        say.line("http://" + banner.http() + "/");
    }

    private void startOthers() {
        List<String> rest = cast.names().subList(1, cast.names().size());
        String seed = first.banner().gossip();
        say.say("starting %s, each told only %s's address (--join %s); they learn of one another by gossip",
                range(rest), first.name(), seed);
        List<ChildAgent> pending = new ArrayList<>();
        for (String name : rest) {
            pending.add(cast.launch(name, List.of(seed)));
        }
        int seen = cast.log().size();
        Duration budget = START_TIMEOUT.plus(STEP_TIMEOUT);
        long deadline = cast.now() + budget.toNanos();
        while (!pending.isEmpty()) {
            pending.removeIf(this::upNow);
            seen = narrateJoins(seen);
            failIfLate(deadline, budget, "agents " + pending.stream().map(ChildAgent::name).toList()
                    + " did not start");
            cast.log().awaitNews(seen, POLL_NANOS);
        }
        awaitConverged(deadline, budget);
        long now = cast.now();
        say.say("converged: every agent's /v1/health is 200 (each sees all %d alive, nobody suspected, one member "
                        + "list everywhere), %s after grapevine demo started, %s after %s was up", cast.names().size(),
                Narrator.span(now - say.originNanos()), Narrator.span(now - first.child().bannerNanos()),
                first.name());
    }

    /** Adopts {@code child} if its banner has arrived, and says so. */
    private boolean upNow(ChildAgent child) {
        if (child.failedToStart()) {
            throw child.startFailure();
        }
        return child.bannerIfReady().map(banner -> {
            cast.adopt(child, banner);
            say.say("%s is up after %s (pid %d, gossip on %s)", child.name(),
                    Narrator.span(child.bannerNanos() - child.launchedNanos()), child.pid(), banner.gossip());
            return true;
        }).orElse(false);
    }

    private int narrateJoins(int seen) {
        List<HeardEvent> news = cast.log().since(seen);
        for (HeardEvent event : news) {
            if (event.observer().equals(first.name()) && event.isMemberChange(event.member(), "joined")) {
                String source = event.onWordOf().equals(event.member()) ? event.member() + " told it itself"
                        : "gossip from " + event.onWordOf();
                say.say("%s learned that %s joined (%s)", first.name(), event.member(), source);
            }
        }
        return seen + news.size();
    }

    private void awaitConverged(long deadline, Duration budget) {
        Map<String, Health> health = cast.health();
        while (!health.values().stream().allMatch(Health::healthy)) {
            failIfLate(deadline, budget, "the cluster did not converge (" + unhealthy(health) + ")");
            cast.log().awaitNews(cast.log().size(), POLL_NANOS);
            health = cast.health();
        }
    }

    private void spreadKey() {
        LiveAgent writer = cast.agents().get(1);
        String value = "hello from " + writer.name();
        say.say("%s writes %s=\"%s\" into its own replicated state (PUT /v1/kv/%s); the others get it by gossip",
                writer.name(), KEY, value, KEY);
        int from = cast.log().size();
        long start = cast.now();
        writer.api().put(KEY, value);
        Map<String, Long> reached = awaitEach(cast.namesExcept(writer.name()), from,
                e -> e.isKeyChange(writer.name(), KEY), writer.name() + "'s key " + KEY + " to reach every agent");
        say.say("%s's %s reached all %d other agents %s after the write (%s)", writer.name(), KEY, reached.size(),
                Narrator.span(latest(reached) - start), order(reached, start));
    }

    private void spreadEvent() {
        List<LiveAgent> agents = cast.agents();
        LiveAgent origin = agents.get(Math.min(2, agents.size() - 1));
        say.say("%s fires the user event %s with payload %s (POST /v1/event/%s), for every member", origin.name(),
                EVENT, PAYLOAD, EVENT);
        int from = cast.log().size();
        long start = cast.now();
        origin.api().fireEvent(EVENT, PAYLOAD);
        Map<String, Long> reached = awaitEach(cast.namesExcept(origin.name()), from,
                e -> e.isUserEvent(origin.name(), EVENT), "the " + EVENT + " event to reach every agent");
        say.say("the %s event reached all %d other agents %s after it was fired (%s)", EVENT, reached.size(),
                Narrator.span(latest(reached) - start), order(reached, start));
    }

    private String killLast() {
        List<LiveAgent> agents = cast.agents();
        LiveAgent victim = agents.get(agents.size() - 1);
        String name = victim.name();
        say.say("killing %s (pid %d) with SIGKILL: it cannot say goodbye; the others must notice by themselves "
                + "(each probes a random member every 200 ms)", name, victim.child().pid());
        int from = cast.log().size();
        long killed = cast.now();
        cast.kill(name);
        Map<String, Long> failed = awaitEach(cast.namesExcept(name), from, e -> e.isMemberChange(name, "failed"),
                "every survivor to see " + name + " failed");
        cast.log().first(from, e -> e.isMemberChange(name, "suspected")).ifPresent(e -> say.say(
                "%s suspected %s %s after the kill: its probe got no answer", e.onWordOf(), name,
                Narrator.span(e.atNanos() - killed)));
        HeardEvent verdict = cast.log().first(from, e -> e.isMemberChange(name, "failed")).orElseThrow();
        say.say("detected: %s declared %s failed %s after the kill%s", verdict.onWordOf(), name,
                Narrator.span(verdict.atNanos() - killed), why(verdict.onWordOf(), name));
        say.say("all %d survivors see %s failed, the last %s after the kill (%s)", failed.size(), name,
                Narrator.span(latest(failed) - killed), order(failed, killed));
        return name;
    }

    /**
     * Why {@code declarer} declared {@code member} failed, from the last {@code failed} line of
     * the member's history there (who suspected, on what evidence, who confirmed).
     */
    private String why(String declarer, String member) {
        List<LiveAgent> found = cast.agents().stream().filter(a -> a.name().equals(declarer)).toList();
        if (found.isEmpty()) {
            return "";
        }
        String detail = "";
        for (JsonNode line : found.get(0).api().history(member)) {
            if (line.path("change").asText().equals("failed")) {
                detail = line.path("detail").asText().replace(", confirmed by []", "");
            }
        }
        if (detail.contains("stream connection refused")) {
            return " (its record: " + detail + "; a refused TCP connection is hard evidence that nothing listens "
                    + "there any more, so the suspicion ran one probe timeout, not the full suspicion timeout a "
                    + "silent host gets)";
        }
        return detail.isEmpty() ? " (nobody refuted the suspicion in time)" : " (its record: " + detail + ")";
    }

    private void restart(String name) {
        String seed = first.banner().gossip();
        say.say("restarting %s: a new process with the same name, told only %s's address (--join %s)", name,
                first.name(), seed);
        int from = cast.log().size();
        long start = cast.now();
        ChildAgent child = cast.launch(name, List.of(seed));
        cast.adopt(child, child.awaitBanner(START_TIMEOUT));
        say.say("%s is up again after %s (pid %d); it carries a new generation, so the others take it for a new "
                + "life rather than the dead one", name, Narrator.span(child.bannerNanos() - start), child.pid());
        Map<String, Long> back = awaitEach(cast.namesExcept(name), from,
                e -> e.isMemberChange(name, "joined", "restarted"), "every agent to see " + name + " rejoin");
        say.say("rejoined: all %d others see %s alive again, %s after the restart (%s after it was up)", back.size(),
                name, Narrator.span(latest(back) - start), Narrator.span(latest(back) - child.bannerNanos()));
        awaitConverged(cast.now() + STEP_TIMEOUT.toNanos(), STEP_TIMEOUT);
        say.say("converged again: every agent's /v1/health is 200, %s after the restart",
                Narrator.span(cast.now() - start));
    }

    /**
     * After the story: the cluster keeps running (the dashboard stays live) until {@code untilNanos}
     * or, if {@code forever}, until the demo is stopped; what the first agent (node-1) hears about members and
     * any agent whose process ends (killed from outside, or crashed) is narrated.
     *
     * @param forever run until stopped (Ctrl-C)
     * @param untilNanos when to return, in the demo's clock, unless {@code forever}
     * @param children the processes, whose {@link ChildProcesses#stopping()} ends the wait
     */
    void keepRunning(boolean forever, long untilNanos, ChildProcesses children) {
        int seen = cast.log().size();
        List<LiveAgent> watched = new ArrayList<>(cast.agents());
        while (!children.stopping() && (forever || cast.now() < untilNanos)) {
            List<HeardEvent> news = cast.log().since(seen);
            seen += news.size();
            for (HeardEvent event : news) {
                if (event.observer().equals(first.name()) && event.type().equals("member-changed")) {
                    say.say("%s: %s %s (on the word of %s)", first.name(), event.member(), event.change(),
                            event.onWordOf());
                }
            }
            for (LiveAgent agent : List.copyOf(watched)) {
                if (!agent.child().isAlive() && !children.stopping()) {
                    int code = agent.child().exitValue();
                    say.say("%s's process ended: %s", agent.name(), code > 128 ? "killed by signal " + (code - 128)
                            + " (exit code " + code + ")" : "exit code " + code + agent.child().logTail());
                    watched.remove(agent);
                }
            }
            long wait = forever ? WATCH_NANOS : Math.min(WATCH_NANOS, untilNanos - cast.now());
            cast.log().awaitNews(seen, wait);
        }
    }

    /**
     * Waits until each of {@code observers} has streamed an event matching {@code match} after
     * position {@code from}.
     *
     * @return observer to when the demo heard it there, in the order of {@code observers}
     */
    private Map<String, Long> awaitEach(List<String> observers, int from, Predicate<HeardEvent> match, String what) {
        long deadline = cast.now() + STEP_TIMEOUT.toNanos();
        Map<String, Long> heard = new LinkedHashMap<>();
        while (true) {
            int seen = cast.log().size();
            for (String observer : observers) {
                cast.log().first(from, e -> e.observer().equals(observer) && match.test(e))
                        .ifPresent(e -> heard.putIfAbsent(observer, e.atNanos()));
            }
            if (heard.size() == observers.size()) {
                return heard;
            }
            List<String> missing = observers.stream().filter(o -> !heard.containsKey(o)).toList();
            failIfLate(deadline, STEP_TIMEOUT, "waited for " + what + ", but " + missing + " did not stream it");
            cast.log().awaitNews(seen, POLL_NANOS);
        }
    }

    private void failIfLate(long deadline, Duration budget, String problem) {
        if (cast.now() > deadline) {
            throw new DemoFailure(problem + " within " + budget.toSeconds() + " s");
        }
    }

    private static String unhealthy(Map<String, Health> health) {
        return health.entrySet().stream().filter(e -> !e.getValue().healthy())
                .map(e -> e.getKey() + ": " + e.getValue().reason()).collect(Collectors.joining("; "));
    }

    private static long latest(Map<String, Long> times) {
        return times.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** {@code node-3 12 ms, node-1 15 ms, ...}: who heard it when, earliest first. */
    private static String order(Map<String, Long> times, long start) {
        return times.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(e -> e.getKey() + " " + Narrator.span(e.getValue() - start)).collect(Collectors.joining(", "));
    }

    private static String range(List<String> names) {
        return names.size() == 1 ? names.get(0) : names.get(0) + ".." + names.get(names.size() - 1);
    }
}
