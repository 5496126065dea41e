package io.grapevine.core.dissemination;

import io.grapevine.core.base.Address;
import io.grapevine.core.base.MemberStatus;
import io.grapevine.core.membership.MembershipGossip;
import io.grapevine.core.wire.MemberUpdate;
import io.grapevine.core.wire.PacketSink;
import io.grapevine.core.wire.WireCodec;

/**
 * Spreads membership changes: one rumor per member (a newer update supersedes the queued
 * one), suspicions in their own, higher class so that a refutation's trigger travels first;
 * and direct mail for the updates every member must hear at once. Confined to the node's thread.
 */
public final class MemberRumors implements MembershipGossip {
    private final RumorQueue rumors;
    private final DirectMail mail;
    private final RumorPolicy policy;

    /** Rumors go to {@code rumors} to leave by {@code policy}, mail through {@code mail}. */
    public MemberRumors(RumorQueue rumors, DirectMail mail, RumorPolicy policy) {
        this.rumors = rumors;
        this.mail = mail;
        this.policy = policy;
    }

    @Override
    public void spread(MemberUpdate update) {
        RumorPriority priority = update.status() == MemberStatus.SUSPECT ? RumorPriority.SUSPICION
                : RumorPriority.MEMBERSHIP;
        rumors.offer(keyOf(update.member().name()), priority, WireCodec.encodeFrame(update), policy);
    }

    @Override
    public void tell(MemberUpdate update, Address to, PacketSink out) {
        mail.send(update, to, out);
    }

    @Override
    public void mail(MemberUpdate update, String exclude, long nowNanos, PacketSink out) {
        mail.mail(update, RumorPriority.MEMBERSHIP, keyOf(update.member().name()), exclude, nowNanos, out);
    }

    @Override
    public boolean pending(String member) {
        return rumors.contains(keyOf(member));
    }

    /** The rumor key, and the mail supersede key, of updates about {@code member}. */
    public static String keyOf(String member) {
        return "m:" + member;
    }
}
