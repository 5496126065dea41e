/**
 * Dissemination: the transmit-limited rumor queue with priority classes, direct mail, gossip
 * rounds, the user-event Lamport clock and de-duplication log, and the relay of updates learned
 * from another zone into this node's zone.
 */
package io.grapevine.core.dissemination;
