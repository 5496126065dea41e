package io.grapevine.agent.handler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables a handler script gets on top of the agent's own environment,
 * named like Serf's {@code SERF_*} with our prefix.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Variable</th><th>Set for</th><th>Value</th></tr>
 *   <tr><td>{@value #EVENT}</td><td>every event</td>
 *       <td>{@code member-join}, {@code member-leave}, {@code member-failed},
 *       {@code member-update}, {@code member-reap} or {@code user}</td></tr>
 *   <tr><td>{@value #SELF_NAME}</td><td>every event</td><td>this agent's node name</td></tr>
 *   <tr><td>{@value #USER_EVENT}</td><td>user events</td><td>the user event's name</td></tr>
 *   <tr><td>{@value #USER_LTIME}</td><td>user events</td>
 *       <td>its Lamport time at the origin, decimal</td></tr>
 * </table>
 *
 * <p>The user variables are absent for member events, even if the agent itself was started
 * with them set: every name in {@link #NAMES} is removed from the inherited environment
 * before the event's values are set. Stateless; thread-safe.
 */
public final class HandlerEnvironment {
    /** The event type's label. */
    public static final String EVENT = "GRAPEVINE_EVENT";
    /** This agent's node name. */
    public static final String SELF_NAME = "GRAPEVINE_SELF_NAME";
    /** The user event's name (user events only). */
    public static final String USER_EVENT = "GRAPEVINE_USER_EVENT";
    /** The user event's Lamport time (user events only). */
    public static final String USER_LTIME = "GRAPEVINE_USER_LTIME";
    /** Every variable this class sets; these are never inherited from the agent. */
    public static final List<String> NAMES = List.of(EVENT, SELF_NAME, USER_EVENT, USER_LTIME);

    private HandlerEnvironment() {
    }

    /**
     * The variables for {@code event} on the node {@code selfName}, in a fixed order.
     *
     * @return an unmodifiable map; user variables only for user events
     */
    public static Map<String, String> of(HandlerEvent event, String selfName) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EVENT, event.type().label());
        env.put(SELF_NAME, selfName);
        if (event.type() == EventType.USER) {
            env.put(USER_EVENT, event.subject());
            env.put(USER_LTIME, Long.toString(event.userLamportTime()));
        }
        return Collections.unmodifiableMap(env);
    }

    /** Removes every name in {@link #NAMES} from {@code inherited}, then adds {@link #of}. */
    static void applyTo(Map<String, String> inherited, HandlerEvent event, String selfName) {
        inherited.keySet().removeAll(NAMES);
        inherited.putAll(of(event, selfName));
    }
}
