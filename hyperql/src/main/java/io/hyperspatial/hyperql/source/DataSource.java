package io.hyperspatial.hyperql.source;

import java.util.List;
import java.util.Optional;

/**
 * What HyperQL runs over: a catalog of tables and views, and the DDL that changes it. Names are
 * matched case-insensitively. A source that cannot change its catalog throws an
 * {@link io.hyperspatial.hyperql.error.HqlExecutionException} with code {@code HQL_UNSUPPORTED} from
 * the DDL methods. Implementations state their own thread-safety, and declare through
 * {@link #concurrency()} which statements the engine may run over them at once.
 */
public interface DataSource {
    /** The table of that name, if any. */
    Optional<Table> table(String name);

    /** The view of that name, if any. */
    Optional<ViewDefinition> view(String name);

    /** All views, in no particular order; none by default. */
    default List<ViewDefinition> views() {
        return List.of();
    }

    /** The names of all tables. */
    List<String> tableNames();

    /**
     * A number that changes whenever tables, indexes, views or triggers are created or dropped; plans made
     * under one version are not reused under another.
     */
    long schemaVersion();

    /** Creates a table; {@code HQL_DUPLICATE_OBJECT} when the name is taken by a table or view. */
    void createTable(TableSchema schema);

    /** Drops a table with its rows and indexes; {@code HQL_UNKNOWN_TABLE} when there is none. */
    void dropTable(String name);

    /**
     * Adds {@code column} as the table's last column; existing rows get its default (NULL when it
     * has none). Sources that cannot change a table's columns refuse with {@code HQL_UNSUPPORTED}.
     */
    default void addColumn(String table, ColumnSchema column) {
        throw new io.hyperspatial.hyperql.error.HqlExecutionException(io.hyperspatial.hyperql.error.ErrorCode.HQL_UNSUPPORTED,
                "this data source cannot add columns to a table");
    }

    /**
     * Renames a table or one of its columns, or drops a column ({@link TableAlteration}), whole or
     * not at all; sources that cannot change a table refuse with {@code HQL_UNSUPPORTED}.
     */
    default void alterTable(TableAlteration alteration) {
        throw new io.hyperspatial.hyperql.error.HqlExecutionException(io.hyperspatial.hyperql.error.ErrorCode.HQL_UNSUPPORTED,
                "this data source cannot rename tables or columns or drop columns");
    }

    /** The index of that name (created by CREATE INDEX or implied by a key), if any; none by default. */
    default Optional<IndexDefinition> index(String name) {
        return Optional.empty();
    }

    /** The indexes of a table (those keys imply included), in the order they were made; none by default. */
    default List<IndexDefinition> indexes(String table) {
        return List.of();
    }

    /** Creates an index and fills it; {@code HQL_CONSTRAINT} when a unique index would not hold. */
    void createIndex(IndexDefinition index);

    /** Drops an index; {@code HQL_UNKNOWN_TABLE} when there is none. */
    void dropIndex(String name);

    /** Stores a view; {@code HQL_DUPLICATE_OBJECT} when the name is taken. */
    void createView(ViewDefinition view);

    /** Drops a view; {@code HQL_UNKNOWN_TABLE} when there is none. */
    void dropView(String name);

    /** The trigger of that name, if any; none by default. */
    default Optional<TriggerDefinition> trigger(String name) {
        return Optional.empty();
    }

    /** The triggers on a table, in the order they were created; none by default. */
    default List<TriggerDefinition> triggers(String table) {
        return List.of();
    }

    /**
     * Stores a trigger (the engine has checked its table and body); {@code HQL_DUPLICATE_OBJECT}
     * when the name is taken. Dropping the table drops its triggers. {@code HQL_UNSUPPORTED} by default.
     */
    default void createTrigger(TriggerDefinition trigger) {
        throw new io.hyperspatial.hyperql.error.HqlExecutionException(
                io.hyperspatial.hyperql.error.ErrorCode.HQL_UNSUPPORTED, "this data source cannot store triggers");
    }

    /** Drops a trigger; {@code HQL_UNKNOWN_TABLE} when there is none. */
    default void dropTrigger(String name) {
        throw new io.hyperspatial.hyperql.error.HqlExecutionException(
                io.hyperspatial.hyperql.error.ErrorCode.HQL_UNKNOWN_TABLE, "no such trigger: " + name);
    }

    /**
     * Takes a {@link Savepoint} covering the applies that follow, so that a statement made of
     * several applies (one that fires triggers) is all or nothing. {@code HQL_UNSUPPORTED} by
     * default: a source that stores triggers must be able to undo.
     */
    default Savepoint savepoint() {
        throw new io.hyperspatial.hyperql.error.HqlExecutionException(
                io.hyperspatial.hyperql.error.ErrorCode.HQL_UNSUPPORTED, "this data source cannot undo writes");
    }

    /**
     * Opens the state this source keeps for one statement (its snapshot, its open cursors), bound
     * to the calling thread until the scope is closed; see {@link StatementScope}. Nothing by
     * default.
     */
    default StatementScope openStatement() {
        return StatementScope.NONE;
    }

    /**
     * Which statements of one {@link io.hyperspatial.hyperql.Engine} may run at the same time over
     * this source; {@link Concurrency#SERIAL} by default, so a source that says nothing runs
     * statements one at a time.
     */
    default Concurrency concurrency() {
        return Concurrency.SERIAL;
    }

    /**
     * How a source's statements may overlap. A read is a query or EXPLAIN (planning counts as a
     * read too); a write is any other statement (DML, DDL, edge statements, REPOSITION). Writes
     * always run one at a time.
     */
    enum Concurrency {
        /** Every statement alone: the source is not safe for concurrent use at all. */
        SERIAL,
        /**
         * Reads at the same time as each other, a write alone (no read runs while it does): for a
         * source whose reads change nothing and whose writes change data in place.
         */
        SHARED_READS,
        /**
         * Reads at the same time as each other and as a write: each read sees one consistent
         * snapshot, opened by its {@link StatementScope}, that a concurrent write does not change;
         * the source's catalog methods are thread-safe.
         */
        SNAPSHOT_READS
    }

    /**
     * The source's ability to place its rows in hyperbolic space again ({@code REPOSITION}); none by
     * default, and then REPOSITION fails with {@code HQL_UNSUPPORTED}.
     */
    default Optional<Repositioner> repositioner() {
        return Optional.empty();
    }

    /**
     * The settings of the approximate indexes over this source's vector columns, when it keeps
     * any; empty by default, and then {@code ALTER TABLE ... ALTER COLUMN ... SET (...)} fails with
     * {@code HQL_UNSUPPORTED}.
     */
    default Optional<VectorIndexes> vectorIndexes() {
        return Optional.empty();
    }

    /**
     * The graph over this source's rows, when it keeps one (edge types, edges, adjacency); empty by
     * default, and then graph statements and MATCH fail with {@code HQL_UNSUPPORTED}.
     */
    default Optional<Graph> graph() {
        return Optional.empty();
    }
}
