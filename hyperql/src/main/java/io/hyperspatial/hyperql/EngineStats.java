package io.hyperspatial.hyperql;

/**
 * Counters of an {@link Engine}'s work, for tests and monitoring.
 *
 * @param parses        statement texts parsed
 * @param plans         statements analyzed and optimized (a schema change forces a re-plan without a re-parse)
 * @param cacheHits     prepares answered from the plan cache
 * @param executions    statements executed
 */
public record EngineStats(long parses, long plans, long cacheHits, long executions) {
}
