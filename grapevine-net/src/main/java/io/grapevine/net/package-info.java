/**
 * The network runtime: a Netty event loop per node that drives the pure core over UDP and
 * TCP, AES-256-GCM encryption with a keyring, and the {@link io.grapevine.net.Cluster} API
 * that applications embed. The runtime adds nothing to the protocol's decisions.
 */
package io.grapevine.net;
