/**
 * The shared keyspace's protocol (Dynamo): writes mailed by their coordinator to the key's
 * replicas with {@code w} acknowledgements, reads from {@code r} replicas, scans, and Merkle
 * repair with a random co-replica every interval and at once for a range whose replica set
 * changed. Drives the {@code keyspace} room's data and the {@code ring}'s placement over the
 * live members; sends through the dissemination room's transmitter.
 */
package io.grapevine.core.repair;
