package io.grapevine.agent.client;

/**
 * A client command could not do its job: the agent is not running, refused the token, or
 * answered with an error. The message is one line for the user, without the command's name,
 * e.g. {@code no member named n9}; the command prints it and exits with 1.
 */
public final class ClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message} (one line). */
    public ClientException(String message) {
        super(message);
    }

    /** A failure described by {@code message} (one line), caused by {@code cause}. */
    public ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
