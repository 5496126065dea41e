/**
 * {@code grapevine example ...}: the example apps of {@code grapevine-services}' components
 * (Redis Cluster's slot map, Hyperledger Fabric's block log), on loopback nodes and in the simulator.
 */
package io.grapevine.agent.example;
