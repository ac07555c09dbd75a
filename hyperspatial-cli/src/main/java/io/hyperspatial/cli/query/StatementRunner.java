package io.hyperspatial.cli.query;

import io.hyperspatial.cli.schema.CollectionSchema;
import io.hyperspatial.hyperql.StatementControl;
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
    default StatementResult run(String sql, Map<String, Object> parameters) {
        return run(sql, parameters, StatementControl.cancellable());
    }

    /**
     * Runs one statement that {@code control} may cancel from another thread (the REPL's Ctrl-C):
     * it then fails with {@code HQL_CANCELLED} and changes nothing. A remote statement is
     * abandoned by closing its request, which makes the server stop it.
     *
     * @throws StatementFailure when the statement fails or is cancelled
     * @throws io.hyperspatial.cli.CommandFailure when the collection cannot be reached at all
     */
    StatementResult run(String sql, Map<String, Object> parameters, StatementControl control);

    /** The collection's schema as it is now: entity types, vector fields, edges, positions, indexes, SQL tables. */
    CollectionSchema schema();

    /** What the statements run against, for people: {@code collection 'c' in /data} or {@code collection 'c' at http://…}. */
    String target();

    /** Releases the database or the connection; a local database writes its index snapshots. */
    @Override
    void close();
}
