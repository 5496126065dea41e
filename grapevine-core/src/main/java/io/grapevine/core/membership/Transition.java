package io.grapevine.core.membership;

import io.grapevine.core.base.MemberStatus;
/**
 * One line of a member's history: when (node time), why, into which status and incarnation,
 * and on whose word. Answers "who suspected whom" without grepping logs.
 *
 * @param atNanos node time of the change
 * @param change why it changed
 * @param status the status after the change
 * @param incarnation the incarnation after the change
 * @param generation the generation after the change
 * @param onWordOf the node whose report caused the change (the member itself for alive/leave)
 * @param detail extra context, e.g. the confirmers of a suspicion; empty when none
 */
public record Transition(long atNanos, Change change, MemberStatus status, long incarnation, long generation,
                         String onWordOf, String detail) {
}
