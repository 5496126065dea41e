package io.grapevine.core.detector;

import io.grapevine.core.membership.MembershipOutputs;
import io.grapevine.core.wire.PacketSink;

/**
 * What the failure detector writes: its probes, acks and relays, and the membership changes
 * its suspicions and verdicts cause. Called on the node's thread, during the input that
 * caused them.
 */
public interface DetectorOutputs extends PacketSink, MembershipOutputs {
}
