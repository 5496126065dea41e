package io.grapevine.core.sync;

import io.grapevine.core.dissemination.EventOutputs;
import io.grapevine.core.membership.MembershipOutputs;
import io.grapevine.core.state.StateOutputs;

/**
 * What the sync room writes: its exchanges' packets, and the membership changes, key changes
 * and repaired user events they bring. Called on the node's thread, during the input that
 * caused them.
 */
public interface SyncOutputs extends EventOutputs, MembershipOutputs, StateOutputs {
}
