package io.grapevine.agent.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.concurrent.CompletionException;
import io.grapevine.core.repair.SharedOpStatus;
import io.grapevine.net.SharedOpException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a request into a status code and {@code {"error": message}}, one
 * place for the whole API:
 * <ul>
 *   <li>a Javalin {@link HttpResponseException} (ours, like 404 for an unknown member, or
 *       Javalin's, like 413 for an oversized body or 405 for a wrong method) keeps its status;</li>
 *   <li>{@link IllegalArgumentException}, thrown by the cluster or failing one of its
 *       futures, is the caller's mistake (a reserved key, an oversized event, a bad seed): 400
 *       with the cluster's message;</li>
 *   <li>{@link TimeoutException} (a join no seed answered): 504;</li>
 *   <li>anything else is our bug: 500, logged with its stack trace, never hidden.</li>
 * </ul>
 * Futures' wrappers ({@link CompletionException}, {@link ExecutionException}) are unwrapped first.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private final int maxBodyBytes;

    ErrorMapping(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Handles {@code failure} of the request {@code ctx}. Never throws: Javalin hands a
     * handler's own exception back to the handlers, so one that threw would spin.
     */
    void handle(Exception failure, Context ctx) {
        Throwable cause = unwrap(failure);
        try {
            respond(cause, ctx);
        } catch (RuntimeException gone) {
            // the response is gone (the client left, or the server stopped under a stream):
            // nobody to answer; a bug of ours is still logged
            if (!(cause instanceof HttpResponseException || cause instanceof IllegalArgumentException
                    || cause instanceof TimeoutException || cause instanceof SharedOpException)) {
                LOG.error("a request failed after its response was gone: a bug in Grapevine", cause);
            }
        }
    }

    private void respond(Throwable cause, Context ctx) {
        if (cause instanceof HttpResponseException http) {
            if (http.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
                ctx.header("Allow", http.getDetails().getOrDefault("availableMethods", ""));
            }
            ctx.status(http.getStatus()).json(error(messageOf(http)));
        } else if (cause instanceof IllegalArgumentException) {
            ctx.status(HttpStatus.BAD_REQUEST).json(error(cause.getMessage()));
        } else if (cause instanceof TimeoutException) {
            ctx.status(HttpStatus.GATEWAY_TIMEOUT).json(error(cause.getMessage()));
        } else if (cause instanceof SharedOpException shared) {
            // too few replicas answered in time (504), or this coordinator is at its limit (503)
            ctx.status(shared.status() == SharedOpStatus.TIMEOUT ? HttpStatus.GATEWAY_TIMEOUT
                    : HttpStatus.SERVICE_UNAVAILABLE).json(error(shared.getMessage()));
        } else {
            LOG.error("{} {} failed: a bug in Grapevine", ctx.method(), ctx.path(), cause);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).json(error("internal error (" + cause.getClass().getName()
                    + "): " + cause.getMessage() + "; the agent's log has the stack trace"));
        }
    }

    static Map<String, String> error(String message) {
        return Map.of("error", message == null ? "" : message);
    }

    private String messageOf(HttpResponseException http) {
        if (http.getStatus() == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            return "method not allowed here; allowed: " + http.getDetails().getOrDefault("availableMethods", "none");
        }
        if (http.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return "the request body is larger than maxBodyBytes (" + maxBodyBytes + ")";
        }
        return http.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
