package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.source.AccessPath;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.Table;

/**
 * Analyzes INSERT EDGE and DELETE EDGE: the edge type must be declared, both end tables must name
 * their rows by a key the table can look up (its single-column PRIMARY KEY, else the column the
 * graph names, such as a collection's entity {@code key}), and the rows giving the ends must be two
 * columns wide, or three with a weight for INSERT. Stateless.
 */
final class EdgeStatements {
    private EdgeStatements() {
    }

    static BoundStatement analyze(Statement.EdgeWrite w, DataSource source, PlanNode ends) {
        Graph graph = MatchAnalyzer.graph(source, w.position());
        String type = MatchAnalyzer.edgeType(graph, w.type(), w.position());
        Table from = table(source, w.fromTable(), w);
        Table to = table(source, w.toTable(), w);
        int width = ends.columns().size();
        if (width != 2 && (w.delete() || width != 3)) {
            throw new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, (w.delete() ? "DELETE EDGE takes rows of (from key, to key)"
                    : "INSERT EDGE takes rows of (from key, to key[, weight])") + ", got " + width + " columns", w.position());
        }
        return new BoundStatement.EdgeWrite(w.delete(), graph, type, from, rowKey(graph, from, w), to, rowKey(graph, to, w), ends);
    }

    private static Table table(DataSource source, String name, Statement.EdgeWrite at) {
        return source.table(name).orElseThrow(() -> new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE,
                "no such table: " + name, at.position()));
    }

    /** The column whose value names a row of the table in edge statements. */
    private static int rowKey(Graph graph, Table table, Statement.EdgeWrite at) {
        int column = table.schema().primaryKey().size() == 1
                ? table.schema().indexOf(table.schema().primaryKey().getFirst()) : graph.defaultRowKey(table);
        if (column < 0) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "table " + table.schema().name()
                    + " has no single-column PRIMARY KEY to name its rows by in edge statements", at.position());
        }
        for (AccessPath p : table.accessPaths()) {
            if (p instanceof AccessPath.KeyLookup k && k.column() == column) {
                return column;
            }
        }
        throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "table " + table.schema().name()
                + " cannot look rows up by " + table.schema().columns().get(column).name(), at.position());
    }
}
