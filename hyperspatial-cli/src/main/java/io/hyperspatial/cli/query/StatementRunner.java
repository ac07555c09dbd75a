package io.hyperspatial.cli.query;

import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.hyperql.StatementResult;

import java.util.Map;

/**
 * Runs HyperQL statements against one collection, wherever it is: {@link LocalRunner} opens a
 * data directory in this process, {@link RemoteRunner} sends each statement to a server's
 * {@code POST /v1/query}. The {@code query} and {@code schema} commands and the REPL see only
 * this interface, so their output and error lines are the same either way. Not thread-safe.
 */
public interface StatementRunner extends AutoCloseable {
    /**
     * Runs one statement with named parameter values ({@code $name} given as {@code "name"}).
     *
     * @throws StatementFailure when the statement fails (it then changed nothing)
     * @throws io.hyperspatial.cli.CommandFailure when the collection cannot be reached at all
     */
    StatementResult run(String sql, Map<String, Object> parameters);

    /** The collection's schema as it is now: entity types, vector fields, edges, positions, indexes, SQL tables. */
    CollectionSchema schema();

    /** What the statements run against, for people: {@code collection 'c' in /data} or {@code collection 'c' at http://…}. */
    String target();

    /** Releases the database or the connection; a local database writes its index snapshots. */
    @Override
    void close();
}
