/**
 * The protocol core's facade: {@link io.grapevine.core.Node}, its configuration, outputs and events. Pure: no I/O, threads, clocks or randomness of its own.
 */
package io.grapevine.core;
