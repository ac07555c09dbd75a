package io.hyperspatial.bench.hyperql;

import java.util.List;

/**
 * One system the HyperQL benchmark runs: it loads the data set, then prepares each query once and
 * runs it with parameter values, returning every row read in full (integers as {@code Long}, so
 * systems' answers compare). Not thread-safe.
 */
interface QuerySubject extends AutoCloseable {
    /** The name in reports: {@code hyperspatial}, {@code sqlite}, {@code h2}. */
    String name();

    /** Creates the tables and loads the data set by this system's fastest honest route; returns what it cost. */
    LoadResult load(BenchDataset data) throws Exception;

    /** Prepares a query once (a cached plan); the returned runner is reused for every execution. */
    PreparedQuery prepare(BenchQuery query) throws Exception;

    @Override
    void close() throws Exception;

    /** A prepared query. */
    interface PreparedQuery {
        /** Runs with one value per parameter and reads every row. */
        List<List<Object>> run(Object[] parameters) throws Exception;
    }

    /**
     * What loading cost.
     *
     * @param seconds      wall time of the whole load, index builds included
     * @param indexSeconds of which building indexes after the rows were written (the vector index for ours)
     * @param detail       how it was loaded, for the report
     */
    record LoadResult(double seconds, double indexSeconds, String detail) {
    }
}
