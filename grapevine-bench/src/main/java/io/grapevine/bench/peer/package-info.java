/**
 * Peers run beside Grapevine in the cluster benchmark. Only this module may know them. So far:
 * HashiCorp Serf, driven as {@code serf agent} processes through its msgpack RPC, observed
 * through its log lines, and counted through its statsd metrics.
 */
package io.grapevine.bench.peer;
