package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.Select;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.parse.SqlParser;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's CHECK constraints bound against a row of the table (its columns in order), as SQLite
 * has them: any expression over the row's columns, without subqueries or aggregates, checked
 * against the row as it would be stored; a false result rejects the row, NULL passes.
 */
final class CheckConstraints {
    private CheckConstraints() {
    }

    /** Binds the CHECK expressions of a CREATE TABLE against its new schema, rejecting what SQLite rejects. */
    static void validate(List<Statement.Check> checks, TableSchema schema, ExprBinder binder) {
        for (Statement.Check c : checks) {
            bind(c.expr(), c.position(), schema, binder);
        }
    }

    /** The table's CHECK expressions, each bound against the table's row. */
    static List<Scalar> bind(TableSchema schema, ExprBinder binder) {
        List<Scalar> out = new ArrayList<>(schema.checks().size());
        for (io.hyperspatial.hyperql.source.CheckConstraint c : schema.checks()) {
            out.add(bind(parse(c.expression()), null, schema, binder));
        }
        return out;
    }

    private static Scalar bind(Expr expr, SourcePosition at, TableSchema schema, ExprBinder binder) {
        Scope scope = new Scope(null);
        scope.add(schema.name(), FromAnalyzer.columns(schema));
        Scalar bound = binder.bind(expr, new ExprBinder.Context(scope, false, null, "CHECK")).scalar();
        if (PlanWalker.hasSubquery(bound)) {
            throw new HqlSemanticException(ErrorCode.HQL_UNSUPPORTED, "subqueries prohibited in CHECK constraints", at);
        }
        return bound;
    }

    /** An expression kept as text (a CHECK constraint's, a column default's). */
    static Expr parse(String text) {
        Statement parsed = SqlParser.parseStatement("SELECT " + text);
        if (parsed instanceof Statement.Query q && q.select().cores().getFirst() instanceof Select.QuerySpec spec
                && spec.items().getFirst() instanceof Select.ExprItem item) {
            return item.expr();
        }
        throw new IllegalStateException("stored expression is not one: " + text);
    }
}
