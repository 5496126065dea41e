/**
 * The bench module's launcher, {@link io.grapevine.bench.BenchMain}: {@code bench} (the loopback
 * cluster benchmark in {@code .cluster}) and {@code jmh} (the micro-benchmarks in {@code .jmh}).
 */
package io.grapevine.bench;
