/**
 * The vocabulary every room of the core shares and the public API exposes, with no
 * dependencies: immutable bytes, text limits, a node's address and identity, member status,
 * key priority, the injected random source and the config checks.
 */
package io.grapevine.core.base;
