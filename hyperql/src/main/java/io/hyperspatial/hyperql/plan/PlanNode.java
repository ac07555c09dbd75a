package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.source.Table;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A node of a logical plan. Every node produces rows of {@link #columns()}; expressions in a node
 * are evaluated against its input row (for joins: the left row followed by the right row).
 * Immutable; the optimizer rewrites plans by building new nodes.
 */
public sealed interface PlanNode {
    /** The columns of the rows this node produces. */
    List<ColumnInfo> columns();

    /** The node's inputs. */
    List<PlanNode> inputs();

    /** The expressions this node evaluates, against its input row. */
    List<Scalar> expressions();

    /** A node with exactly one input. */
    sealed interface OneInput extends PlanNode permits Project, Aggregate, RowPreserving {
        /** The input. */
        PlanNode input();

        @Override
        default List<PlanNode> inputs() {
            return List.of(input());
        }
    }

    /** A one-input node whose rows have its input's columns (it filters, reorders or cuts rows). */
    sealed interface RowPreserving extends OneInput permits Filter, Sort, TopN, Limit, Distinct {
        @Override
        default List<ColumnInfo> columns() {
            return input().columns();
        }
    }

    /** A join: its rows are a left row followed by a right row. */
    sealed interface Joining extends PlanNode permits Join, HashJoin {
        /** The left input, whose row order the output keeps. */
        PlanNode left();

        /** The right input. */
        PlanNode right();

        @Override
        default List<ColumnInfo> columns() {
            List<ColumnInfo> out = new ArrayList<>(left().columns());
            out.addAll(right().columns());
            return out;
        }

        @Override
        default List<PlanNode> inputs() {
            return List.of(left(), right());
        }
    }

    /** The kind of join. */
    enum JoinKind { INNER, LEFT }

    /** The compound operators. */
    enum SetKind { UNION, UNION_ALL, INTERSECT, EXCEPT }

    /**
     * Reads a table. Its rows are the table's columns, then the table's hidden rowid when
     * {@code columns} has it ({@link #hiddenRowid()}), then, when {@code withRowId}, the source's row
     * id (UPDATE and DELETE use it). {@code needed} lists the columns read above (null: all).
     */
    record Scan(Table table, String alias, List<ColumnInfo> columns, AccessMethod access, BitSet needed,
                boolean withRowId) implements PlanNode {
        /** Whether the scan reads the table's hidden rowid ({@link Table#keepsRowid()}), right after the table's columns. */
        public boolean hiddenRowid() {
            int width = table.schema().columns().size();
            return columns.size() > width && columns.get(width).rowid();
        }

        @Override
        public List<PlanNode> inputs() {
            return List.of();
        }

        @Override
        public List<Scalar> expressions() {
            return switch (access) {
                case AccessMethod.FullScan f -> List.of();
                case AccessMethod.KeyLookup k -> List.of(k.key());
                case AccessMethod.Range r -> {
                    List<Scalar> out = new ArrayList<>();
                    if (r.lower() != null) {
                        out.add(r.lower());
                    }
                    if (r.upper() != null) {
                        out.add(r.upper());
                    }
                    yield out;
                }
                case AccessMethod.Knn k -> {
                    List<Scalar> out = new ArrayList<>(List.of(k.query(), k.k()));
                    if (k.filter() != null) {
                        out.add(k.filter());
                    }
                    yield out;
                }
                case AccessMethod.Radius r -> {
                    List<Scalar> out = new ArrayList<>(List.of(r.query(), r.radius()));
                    if (r.limit() != null) {
                        out.add(r.limit());
                    }
                    if (r.filter() != null) {
                        out.add(r.filter());
                    }
                    yield out;
                }
            };
        }
    }

    /** Fixed rows (VALUES, or one empty row for a SELECT without FROM). */
    record Values(List<List<Scalar>> rows, List<ColumnInfo> columns) implements PlanNode {
        @Override
        public List<PlanNode> inputs() {
            return List.of();
        }

        @Override
        public List<Scalar> expressions() {
            return rows.stream().flatMap(List::stream).toList();
        }
    }

    /** The input rows for which the predicate is true. */
    record Filter(PlanNode input, Scalar predicate) implements RowPreserving {
        @Override
        public List<Scalar> expressions() {
            return List.of(predicate);
        }
    }

    /** One output row per input row, computed by the expressions. */
    record Project(PlanNode input, List<Scalar> outputs, List<ColumnInfo> columns) implements OneInput {
        @Override
        public List<Scalar> expressions() {
            return outputs;
        }
    }

    /** A nested-loop join; {@code condition} null means every pair (a cross join). */
    record Join(PlanNode left, PlanNode right, JoinKind kind, Scalar condition) implements Joining {
        @Override
        public List<Scalar> expressions() {
            return condition == null ? List.of() : List.of(condition);
        }
    }

    /**
     * A hash join on equal keys: {@code leftKeys} over left rows, {@code rightKeys} over right rows,
     * compared after {@code coercions}; {@code residual} (over the joined row, may be null) must also hold.
     */
    record HashJoin(PlanNode left, PlanNode right, JoinKind kind, List<Scalar> leftKeys, List<Scalar> rightKeys,
                    List<Coercion> coercions, Scalar residual) implements Joining {
        @Override
        public List<Scalar> expressions() {
            List<Scalar> out = new ArrayList<>(leftKeys);
            if (residual != null) {
                out.add(residual);
            }
            return out;
        }
    }

    /**
     * Groups rows by the keys and computes the aggregates per group; output rows are the keys then the
     * aggregates. Without keys there is exactly one group, even over no rows.
     */
    record Aggregate(PlanNode input, List<Scalar> groupKeys, List<Scalar.AggregateCall> aggregates,
                     List<ColumnInfo> columns) implements OneInput {
        @Override
        public List<Scalar> expressions() {
            List<Scalar> out = new ArrayList<>(groupKeys);
            out.addAll(aggregates);
            return out;
        }
    }

    /** The input sorted by the keys (stable). */
    record Sort(PlanNode input, List<SortKey> keys) implements RowPreserving {
        @Override
        public List<Scalar> expressions() {
            return keys.stream().map(SortKey::expression).toList();
        }
    }

    /** The first {@code limit} rows in key order after skipping {@code offset}, kept in a bounded heap. */
    record TopN(PlanNode input, List<SortKey> keys, Scalar limit, Scalar offset) implements RowPreserving {
        @Override
        public List<Scalar> expressions() {
            return keys.stream().map(SortKey::expression).toList();
        }
    }

    /** At most {@code limit} rows (null: all; negative: all) after skipping {@code offset} (may be null). */
    record Limit(PlanNode input, Scalar limit, Scalar offset) implements RowPreserving {
        @Override
        public List<Scalar> expressions() {
            return List.of();
        }
    }

    /** The input without duplicate rows, first occurrences kept in order. */
    record Distinct(PlanNode input) implements RowPreserving {
        @Override
        public List<Scalar> expressions() {
            return List.of();
        }
    }

    /** UNION [ALL], INTERSECT or EXCEPT; all but UNION ALL remove duplicates and come out sorted, as in SQLite. */
    record SetOperation(SetKind kind, PlanNode left, PlanNode right, List<ColumnInfo> columns) implements PlanNode {
        @Override
        public List<PlanNode> inputs() {
            return List.of(left, right);
        }

        @Override
        public List<Scalar> expressions() {
            return List.of();
        }
    }

    /**
     * The rows of a recursive common table expression, as SQLite computes them: the {@code initial}
     * rows go into a queue; then, one row at a time, a row leaves the queue (ordered by
     * {@code order}, first in first out when empty), becomes the output's next row and the only row
     * of the {@link WorkingTable} that each of the {@code recursive} plans reads, and their rows
     * join the queue. {@code distinct} (UNION) drops a row equal to one queued before. Rows come
     * out as they leave the queue, so a LIMIT above stops an unbounded recursion.
     */
    record RecursiveUnion(PlanNode initial, List<PlanNode> recursive, RecursiveTable table, boolean distinct,
                          List<SortKey> order, List<ColumnInfo> columns) implements PlanNode {
        @Override
        public List<PlanNode> inputs() {
            List<PlanNode> all = new ArrayList<>();
            all.add(initial);
            all.addAll(recursive);
            return all;
        }

        @Override
        public List<Scalar> expressions() {
            return List.of();
        }
    }

    /** The one current row of a recursive common table, inside its {@link RecursiveUnion}'s recursive plans. */
    record WorkingTable(RecursiveTable table, List<ColumnInfo> columns) implements PlanNode {
        @Override
        public List<PlanNode> inputs() {
            return List.of();
        }

        @Override
        public List<Scalar> expressions() {
            return List.of();
        }
    }

    /** Identifies one use of a recursive common table: its {@link RecursiveUnion} and {@link WorkingTable}s share it. */
    final class RecursiveTable {
        private final String name;

        public RecursiveTable(String name) {
            this.name = name;
        }

        /** The common table's name. */
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What rows a {@link GraphMatch} yields. */
    enum PathMode {
        /** One row per matching path. */
        ALL_PATHS,
        /** Per start and end node, one path with the fewest edges (breadth-first search). */
        FEWEST_EDGES,
        /** Per start and end node, one path of least total weight (Dijkstra). */
        LEAST_WEIGHT
    }

    /**
     * A graph pattern: for each row of {@code start} (a read of the first node's table, its row id as
     * the last column) follows the {@code steps} through the graph and produces one row per path.
     * Output rows hold the variables' columns at their offsets: the start node's at 0 when
     * {@code startVariable} is named, then each step's ({@link GraphStep}).
     */
    record GraphMatch(PlanNode start, io.hyperspatial.hyperql.source.Graph graph, Table startTable, String startVariable,
                      PathMode mode, List<GraphStep> steps, List<ColumnInfo> columns) implements PlanNode {
        @Override
        public List<PlanNode> inputs() {
            return List.of(start);
        }

        @Override
        public List<Scalar> expressions() {
            return steps.stream().map(GraphStep::filter).filter(java.util.Objects::nonNull).toList();
        }

        /** The pattern as text, as EXPLAIN shows it. */
        public String patternText() {
            StringBuilder out = new StringBuilder(GraphStep.node(startVariable, startTable));
            steps.forEach(s -> out.append(s.fromStart() ? ", " + GraphStep.node(startVariable, startTable) : "").append(s.text()));
            return out.toString();
        }
    }
}
