package io.grapevine.agent.run;

/**
 * The agent could not start, for a reason the operator can fix: the port is taken, the data dir
 * is a file, the keyring file is bad, a service failed. The message is one line naming the flag
 * or the service; nothing the agent started is left running.
 */
public final class AgentStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A start failure.
     *
     * @param message one line: what and why
     * @param cause the underlying failure, or null
     */
    public AgentStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A start failure with no underlying exception.
     *
     * @param message one line: what and why
     */
    public AgentStartException(String message) {
        super(message);
    }
}
