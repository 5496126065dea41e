package io.grapevine.core.service;

import io.grapevine.core.base.Bytes;
import io.grapevine.core.state.KeyChange;
import java.util.Map;
import java.util.Optional;

/**
 * The replicated state as the service room reaches it: the node's facade implements it over
 * the state room, with keys already namespaced by {@link ServiceHost}.
 *
 * @param <O> the outputs the node's inputs carry
 */
public interface ServiceState<O extends ServiceOutputs> {
    /** Writes this node's {@code key}; see {@link ServiceContext#put}. */
    KeyChange put(String key, byte[] value, long nowNanos, O out);

    /** Deletes this node's {@code key}; empty if it held no live value. */
    Optional<KeyChange> delete(String key, long nowNanos, O out);

    /** {@code owner}'s live value of {@code key}. */
    Optional<Bytes> get(String owner, String key);

    /** {@code owner}'s live keys, in key order. */
    Map<String, Bytes> entries(String owner);
}
