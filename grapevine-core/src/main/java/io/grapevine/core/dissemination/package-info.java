/**
 * Dissemination: the transmit-limited rumor queue with priority classes, and the user-event Lamport clock and de-duplication log.
 */
package io.grapevine.core.dissemination;
