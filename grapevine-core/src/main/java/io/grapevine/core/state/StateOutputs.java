package io.grapevine.core.state;

/**
 * Where the replicated state's changes are reported: a local write or delete, one learned
 * from a peer, a TTL expiry, or keys that vanished with an owner's old generation. Called on
 * the node's thread, during the input that caused them.
 */
public interface StateOutputs {
    /** {@code change} happened to a key held here. */
    void keyChanged(KeyChange change);
}
