package io.grapevine.core;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.NodeId;
import io.grapevine.core.dissemination.DeliveredEvent;
import io.grapevine.core.membership.Change;
import io.grapevine.core.membership.Member;
import io.grapevine.core.repair.RingRepairReport;
import io.grapevine.core.repair.SharedOpResult;
import io.grapevine.core.service.ServiceHost;
import io.grapevine.core.state.KeyChange;

/**
 * The driver's {@link Outputs}, seen through by the service room: every output goes to the
 * driver unchanged (each method is forwarded, so a driver's overrides keep working), and member
 * and key changes are also queued for the installed services. A test checks that this class
 * declares every method of {@link Outputs}, so none falls back to a default behind the driver's back.
 */
final class ServiceAwareOutputs implements Outputs {
    private final Outputs driver;
    private final ServiceHost<Outputs> services;

    ServiceAwareOutputs(Outputs driver, ServiceHost<Outputs> services) {
        this.driver = driver;
        this.services = services;
    }

    /** The driver's outputs this one forwards to. */
    Outputs driver() {
        return driver;
    }

    @Override
    public void sendDatagram(Address to, byte[] packet) {
        driver.sendDatagram(to, packet);
    }

    @Override
    public void sendStream(Address to, byte[] packet) {
        driver.sendStream(to, packet);
    }

    @Override
    public void emit(ClusterEvent event) {
        driver.emit(event);
    }

    @Override
    public void sharedOpCompleted(SharedOpResult result) {
        driver.sharedOpCompleted(result);
    }

    @Override
    public void ringRepairCompleted(RingRepairReport report) {
        driver.ringRepairCompleted(report);
    }

    @Override
    public void memberChanged(Member member, Change change, String onWordOf) {
        driver.memberChanged(member, change, onWordOf);
        services.memberChanged(member, change);
    }

    @Override
    public void nameConflict(NodeId kept, NodeId rejected) {
        driver.nameConflict(kept, rejected);
    }

    @Override
    public void keyChanged(KeyChange change) {
        driver.keyChanged(change);
        services.keyChanged(change);
    }

    @Override
    public void userEventDelivered(DeliveredEvent event) {
        driver.userEventDelivered(event);
    }

    @Override
    public void serviceEvent(String channel, Object event) {
        driver.serviceEvent(channel, event);
    }
}
