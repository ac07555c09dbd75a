package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.plan.AggregateFunction;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.OuterColumns;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.ScalarRewriter;
import io.hyperspatial.hyperql.value.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the aggregation of one query level: collects the aggregate calls of the expressions above
 * it, builds the {@link PlanNode.Aggregate} node, and rewrites those expressions to read its output
 * (group keys first, then aggregates). A column used bare — neither grouped nor aggregated — reads
 * its value from the group's first row, or from the row of the query's MIN or MAX, as SQLite
 * does (see {@code Aggregation}). Not thread-safe; one per query level.
 */
final class AggregatePlanner {
    private final List<Scalar> groupKeys;
    private final List<ColumnInfo> keyColumns;
    private final List<Scalar.AggregateCall> aggregates = new ArrayList<>();
    private final List<ColumnInfo> aggregateColumns = new ArrayList<>();

    AggregatePlanner(List<Typed> groupKeys) {
        this.groupKeys = groupKeys.stream().map(Typed::scalar).toList();
        this.keyColumns = new ArrayList<>();
        for (int i = 0; i < groupKeys.size(); i++) {
            keyColumns.add(groupKeys.get(i).column("group" + (i + 1)));
        }
    }

    /** The expression rewritten over the aggregate's output row. */
    Scalar rewrite(Scalar e) {
        return ScalarRewriter.topDown(e, node -> {
            int key = groupKeys.indexOf(node);
            if (key >= 0) {
                return new Scalar.Column(0, key, keyColumns.get(key).name());
            }
            if (node instanceof Scalar.AggregateCall call) {
                return aggregateColumn(call, SqlType.ANY);
            }
            if (node instanceof Scalar.Column c && c.depth() == 0) {
                return bare(c);
            }
            return switch (node) {
                case Scalar.Exists x -> new Scalar.Exists(OuterColumns.subquery(x.query(), 0, this::groupRowColumn));
                case Scalar.ScalarQuery x -> new Scalar.ScalarQuery(OuterColumns.subquery(x.query(), 0, this::groupRowColumn));
                case Scalar.InQuery x -> x.with(x.operands().stream().map(this::rewrite).toList(),
                        OuterColumns.subquery(x.query(), 0, this::groupRowColumn));
                case Scalar.RowCompare x -> x.map(this::rewrite, q -> OuterColumns.subquery(q, 0, this::groupRowColumn));
                default -> node;
            };
        });
    }

    /**
     * A subquery's reference to this level's row, read from the group's row instead: the group key
     * it is, else its value as a bare column of the group.
     */
    private Scalar.Column groupRowColumn(Scalar.Column outer) {
        Scalar.Column inRow = new Scalar.Column(0, outer.index(), outer.name());
        int key = groupKeys.indexOf(inRow);
        Scalar.Column bound = key >= 0 ? new Scalar.Column(0, key, keyColumns.get(key).name()) : bare(inRow);
        return new Scalar.Column(outer.depth(), bound.index(), bound.name());
    }

    private Scalar.Column bare(Scalar.Column c) {
        return aggregateColumn(new Scalar.AggregateCall(AggregateFunction.ANY_VALUE, List.of(c), false), SqlType.ANY);
    }

    /** The aggregate node over the input, once every expression above has been rewritten. */
    PlanNode.Aggregate node(PlanNode input) {
        List<ColumnInfo> columns = new ArrayList<>(keyColumns);
        columns.addAll(aggregateColumns);
        return new PlanNode.Aggregate(input, groupKeys, List.copyOf(aggregates), columns);
    }

    /** True when any of the expressions calls an aggregate. */
    static boolean anyAggregate(List<Scalar> exprs) {
        for (Scalar e : exprs) {
            if (ExprBinder.hasAggregate(e)) {
                return true;
            }
        }
        return false;
    }

    private Scalar.Column aggregateColumn(Scalar.AggregateCall call, SqlType type) {
        int i = aggregates.indexOf(call);
        if (i < 0) {
            aggregates.add(call);
            aggregateColumns.add(new ColumnInfo(call.function().name().toLowerCase(java.util.Locale.ROOT), null, type));
            i = aggregates.size() - 1;
        }
        return new Scalar.Column(0, groupKeys.size() + i, aggregateColumns.get(i).name());
    }
}
