/**
 * Writes scenario results for people and tools: a short text table, JSON lines (one object per
 * run, then a summary object with median, p90 and max of every measurement) and CSV (a header
 * and one row per run). No dependencies: the JSON is written by {@link io.grapevine.sim.report.JsonWriter}.
 */
package io.grapevine.sim.report;
