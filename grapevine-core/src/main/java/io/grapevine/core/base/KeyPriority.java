package io.grapevine.core.base;

/**
 * Priority classes of replicated keys, highest first. Each class of each owner is reconciled
 * as its own stream, and deltas fill their byte budget class by class before any ordering
 * policy applies, so a quiet node's control keys are never starved behind someone's bulk
 * state (the failure of "most out-of-date first" seen in production Scuttlebutt systems).
 */
public enum KeyPriority {
    /** Keys the cluster's own coordination depends on (roles, slot maps). */
    CRITICAL,
    /** Ordinary control-plane state. The default. */
    CONTROL,
    /** Large or chatty state that may lag: spread by rumor and anti-entropy, never direct-mailed. */
    BULK
}
