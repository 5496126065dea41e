package io.grapevine.net;

import io.grapevine.core.repair.SharedOpResult;
import io.grapevine.core.repair.SharedOpStatus;

/**
 * A shared-map operation that did not succeed: too few replicas answered in time
 * ({@link SharedOpStatus#TIMEOUT}; a write may still have reached some, and repair spreads it
 * from there) or this node had too many operations in flight ({@link SharedOpStatus#REJECTED}).
 */
public final class SharedOpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SharedOpResult result;

    SharedOpException(SharedOpResult result) {
        super(result.kind() + " " + result.status() + " after " + result.acks() + " replica answer(s)");
        this.result = result;
    }

    /** How the operation ended. */
    public SharedOpStatus status() {
        return result.status();
    }

    /** The operation's full result (acks, entries found so far). */
    public SharedOpResult result() {
        return result;
    }
}
