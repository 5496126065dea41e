/**
 * Members and their identities, statuses, precedence and history: the member table one node
 * keeps; peer sampling for every room; and the zones (which members share this node's zone,
 * and which are each zone's cross-zone links: {@code ZoneView}).
 */
package io.grapevine.core.membership;
