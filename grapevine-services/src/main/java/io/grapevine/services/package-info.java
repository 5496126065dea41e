/**
 * Components of the source systems built on the core's {@link io.grapevine.core.service.Service}
 * SPI: each a pure state machine (no sockets, threads, clocks, {@code Random} or logging), so it
 * runs unchanged in the simulator and in a {@code Cluster}, and a seeded simulation replays
 * it bit for bit. {@code slotmap}: Redis Cluster's hash-slot map with config epochs and replica
 * failover. {@code blocklog}: Hyperledger Fabric's push + pull dissemination of a hash-chained
 * block log.
 */
package io.grapevine.services;
