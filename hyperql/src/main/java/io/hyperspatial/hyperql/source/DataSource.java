package io.hyperspatial.hyperql.source;

import java.util.List;
import java.util.Optional;

/**
 * What HyperQL runs over: a catalog of tables and views, and the DDL that changes it. Names are
 * matched case-insensitively. A source that cannot change its catalog throws an
 * {@link io.hyperspatial.hyperql.error.HqlExecutionException} with code {@code HQL_UNSUPPORTED} from
 * the DDL methods. Implementations state their own thread-safety.
 */
public interface DataSource {
    /** The table of that name, if any. */
    Optional<Table> table(String name);

    /** The view of that name, if any. */
    Optional<ViewDefinition> view(String name);

    /** The names of all tables. */
    List<String> tableNames();

    /**
     * A number that changes whenever tables, indexes or views are created or dropped; plans made
     * under one version are not reused under another.
     */
    long schemaVersion();

    /** Creates a table; {@code HQL_DUPLICATE_OBJECT} when the name is taken by a table or view. */
    void createTable(TableSchema schema);

    /** Drops a table with its rows and indexes; {@code HQL_UNKNOWN_TABLE} when there is none. */
    void dropTable(String name);

    /** Creates an index and fills it; {@code HQL_CONSTRAINT} when a unique index would not hold. */
    void createIndex(IndexDefinition index);

    /** Drops an index; {@code HQL_UNKNOWN_TABLE} when there is none. */
    void dropIndex(String name);

    /** Stores a view; {@code HQL_DUPLICATE_OBJECT} when the name is taken. */
    void createView(ViewDefinition view);

    /** Drops a view; {@code HQL_UNKNOWN_TABLE} when there is none. */
    void dropView(String name);

    /**
     * Called by the engine when a statement has run, whether it succeeded or failed, after its
     * results were read in full. A source that reads a statement from one snapshot, or keeps
     * cursors open, releases them here. Nothing by default.
     */
    default void statementFinished() {
    }

    /**
     * The source's ability to place its rows in hyperbolic space again ({@code REPOSITION}); none by
     * default, and then REPOSITION fails with {@code HQL_UNSUPPORTED}.
     */
    default Optional<Repositioner> repositioner() {
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
