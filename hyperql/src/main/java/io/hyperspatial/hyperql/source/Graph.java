package io.hyperspatial.hyperql.source;

import java.util.List;

/**
 * The graph a {@link DataSource} may offer over its rows: typed, weighted, directed edges between
 * rows of any tables, read by adjacency (the edges at one node), never by a scan of all edges.
 * MATCH patterns, shortest paths and the edge statements run against it.
 *
 * <p>A <em>node</em> is one row of one table, named by an id whose type is the graph's own (a
 * table and row position, an entity UUID…): the engine gets it from {@link #node} and only hands
 * it back. Edge type names are matched case-insensitively. Implementations state their own
 * thread-safety.
 */
public interface Graph {
    /** Which edges at a node to follow. */
    enum Direction {
        /** Edges leaving the node. */
        OUTGOING,
        /** Edges arriving at the node. */
        INCOMING,
        /** Both, each edge once per direction it can be followed in. */
        BOTH
    }

    /**
     * An edge seen from one of its nodes.
     *
     * @param node   the node at the other end
     * @param type   the edge type's declared name
     * @param weight the edge weight (finite)
     */
    record Adjacent(Object node, String type, double weight) {
    }

    /** One change to the edges; {@link #apply} applies a list of them atomically. */
    sealed interface EdgeMutation {
        /** Adds the edge {@code from -type-> to}, or re-weights it when it exists. */
        record Add(String type, Object from, Object to, double weight) implements EdgeMutation {
        }

        /** Removes the edge {@code from -type-> to}; nothing when there is none. */
        record Remove(String type, Object from, Object to) implements EdgeMutation {
        }
    }

    /** The declared edge types' names, in declaration order. */
    List<String> edgeTypes();

    /** Declares an edge type; {@code HQL_DUPLICATE_OBJECT} when one of that name exists. */
    void createEdgeType(String name);

    /** Drops an edge type with all its edges; {@code HQL_UNKNOWN_TABLE} when there is none. */
    void dropEdgeType(String name);

    /** The node of a table's row, given the row id a cursor of that table gave. */
    Object node(Table table, Object rowId);

    /**
     * The row of the node if it is a live row of {@code table} (full width, in column order), else
     * null. Nodes whose row was deleted are rows of no table.
     */
    Object[] row(Table table, Object node);

    /**
     * The edges of one type ({@code type} null: every type) at a node, followed in a direction. Edges
     * of deleted rows are not listed; an edge may lead to a node that is a row of no table (a source
     * that allows edges to rows not created yet), which {@link #row} then reports. Order is the
     * graph's own.
     */
    List<Adjacent> adjacent(Object node, String type, Direction direction);

    /**
     * Applies the mutations in order, all or nothing; endpoints are nodes of live rows (the engine
     * checks). Returns the number of edges added, re-weighted or removed.
     */
    long apply(List<EdgeMutation> mutations);

    /**
     * The column that names a table's rows in edge statements ({@code person('alice')}) when the
     * table has no single-column primary key: -1 (none) by default.
     */
    default int defaultRowKey(Table table) {
        return -1;
    }
}
