/**
 * Redis Cluster's hash-slot map on Grapevine: {@link io.grapevine.services.slotmap.KeySlot} (key to
 * slot, as {@code CLUSTER KEYSLOT}), the {@link io.grapevine.services.slotmap.SlotMap} service
 * (slot ownership with config epochs, PFAIL/FAIL counted by the slot owners, replica failover by
 * vote) and its immutable views ({@link io.grapevine.services.slotmap.SlotMapView},
 * {@link io.grapevine.services.slotmap.SlotRange}, {@link io.grapevine.services.slotmap.ClusterNodeInfo}),
 * and the client-side cache {@link io.grapevine.services.slotmap.SlotRouter}. Pure: time and
 * randomness come from the service context.
 */
package io.grapevine.services.slotmap;
