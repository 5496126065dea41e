/**
 * The loopback cluster benchmark: {@code BenchCommand} runs the standard scenarios (S1, the rolling
 * join S1ROLL, S2 to S5; docs/PERFORMANCE.md) against N nodes on 127.0.0.1 (real {@code grapevine agent} processes driven over
 * their HTTP API, or one JVM) and, with {@code --peer serf}, against HashiCorp Serf agents in the
 * same run, and reports median, p90 and max over the runs with each system's setup.
 */
package io.grapevine.bench.cluster;
