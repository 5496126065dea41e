/**
 * JMH micro-benchmarks of the protocol core: the wire codec on a typical compound packet and
 * on a 64-member state sync, and a core tick with a full piggy-back queue. Run by hand from
 * {@code grapevine-bench/target/benchmarks.jar}; never part of the default build.
 */
package io.grapevine.bench.jmh;
