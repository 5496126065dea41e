package io.grapevine.agent.demo;

/**
 * A step of the demo did not happen within its deadline, or an agent could not be started or
 * reached: the message is one sentence naming the step and the agent, printed as the demo's last
 * line before it stops its agents and exits with code 1. A {@link ChildAgent} started by another
 * harness throws it too, with the same kind of message.
 */
public final class DemoFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
        super(message);
    }

    DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
