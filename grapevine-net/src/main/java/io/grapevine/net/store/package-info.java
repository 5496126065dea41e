/**
 * Persistent stores of the shared keyspace: {@link io.grapevine.net.store.MvKeyStore} keeps a
 * node's entries in an H2 MVStore file under the cluster's data directory, so that after a
 * restart the node serves what it held and repairs only what it missed.
 */
package io.grapevine.net.store;
