package io.hyperspatial.hyperql.engine;

import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.exec.Executor;
import io.hyperspatial.hyperql.exec.Frame;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.RowCursor;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.TextForm;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Runs the graph statements: CREATE/DROP EDGE TYPE, and INSERT/DELETE EDGE, which first resolves
 * every end of every edge to a row by its key and checks every weight, then hands the whole list
 * to the graph to apply atomically, so a missing row or a bad weight changes nothing.
 */
final class EdgeWrites {
    private EdgeWrites() {
    }

    static StatementResult createType(BoundStatement.CreateEdgeType c) {
        try {
            c.graph().createEdgeType(c.name());
        } catch (HqlException e) {
            if (c.ifNotExists() && e.code() == ErrorCode.HQL_DUPLICATE_OBJECT) {
                return new StatementResult.SchemaChange("edge type " + c.name() + " already exists");
            }
            throw e;
        }
        return new StatementResult.SchemaChange("created edge type " + c.name());
    }

    static StatementResult dropType(BoundStatement.DropEdgeType d) {
        try {
            d.graph().dropEdgeType(d.name());
        } catch (HqlException e) {
            if (d.ifExists() && e.code() == ErrorCode.HQL_UNKNOWN_TABLE) {
                return new StatementResult.SchemaChange("no edge type " + d.name() + " to drop");
            }
            throw e;
        }
        return new StatementResult.SchemaChange("dropped edge type " + d.name());
    }

    static long apply(BoundStatement.EdgeWrite w, Frame frame) {
        List<Graph.EdgeMutation> mutations = new ArrayList<>();
        for (Object[] ends : Executor.materialize(w.ends(), frame)) {
            Object from = node(w, w.from(), w.fromKey(), ends[0]);
            Object to = node(w, w.to(), w.toKey(), ends[1]);
            mutations.add(w.delete() ? new Graph.EdgeMutation.Remove(w.type(), from, to)
                    : new Graph.EdgeMutation.Add(w.type(), from, to, ends.length > 2 ? weight(ends[2]) : 1.0));
        }
        return mutations.isEmpty() ? 0 : w.graph().apply(mutations);
    }

    /** The node of the row whose key column holds {@code key}; {@code HQL_CONSTRAINT} when there is none. */
    private static Object node(BoundStatement.EdgeWrite w, Table table, int keyColumn, Object key) {
        String name = table.schema().name() + "(" + (key instanceof String s ? "'" + s + "'" : TextForm.of(key)) + ")";
        if (key != null) {
            Object converted = table.schema().columns().get(keyColumn).affinity().apply(key);
            RowCursor rows = table.open(new AccessRequest.Lookup(keyColumn, converted, new BitSet()));
            if (rows.next()) {
                return w.graph().node(table, rows.rowId());
            }
        }
        throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "edge " + w.type() + ": no row " + name
                + " (" + table.schema().columns().get(keyColumn).name() + " = " + TextForm.of(key) + "); nothing was changed");
    }

    /** An edge weight: a finite number; NULL means the default 1.0. */
    private static double weight(Object value) {
        if (value == null) {
            return 1.0;
        }
        if (!(Affinity.REAL.apply(value) instanceof Number n)) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "edge weight must be a number, got " + TextForm.of(value));
        }
        double w = n.doubleValue();
        if (!Double.isFinite(w)) {
            throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "edge weight must be finite, got " + TextForm.of(w));
        }
        return w;
    }
}
