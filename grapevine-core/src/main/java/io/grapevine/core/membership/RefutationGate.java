package io.grapevine.core.membership;

import io.grapevine.core.wire.MemberUpdate;

/**
 * Decides whether a refutation of a member this node holds SUSPECT or DEAD is taken at once or
 * must first be proven (the detector room's proof of life). Confined to the node's thread.
 */
public interface RefutationGate {
    /**
     * {@code entry} refuted with {@code refutation}: returns true if the refutation waits for a
     * proof (the caller applies it later through {@code MembershipRules.applyProven}), false to
     * take it now.
     */
    boolean defer(MemberEntry entry, MemberUpdate refutation, long nowNanos, MembershipOutputs out);
}
