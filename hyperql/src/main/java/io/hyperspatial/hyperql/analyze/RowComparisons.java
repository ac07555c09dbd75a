package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.error.SourcePosition;
import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds comparisons ({@code = != < <= > >= IS [NOT]}) whose sides may be rows, as SQLite does:
 * <ul>
 *   <li>listed rows on both sides ({@code (a, b) < (1, 2)}) are written out over their elements
 *       by {@link RowValues}, so the optimizer sees scalar comparisons;</li>
 *   <li>a subquery on a side is a row as wide as its columns: its first row, or NULLs when it has
 *       none. A comparison with a row (the other side listed or another subquery) becomes one
 *       {@link Scalar.RowCompare}, so the subquery runs once; one of a single column stays the
 *       scalar comparison it always was.</li>
 * </ul>
 * Sides of different widths are SQLite's "row value misused". Not thread-safe; one per binder.
 */
final class RowComparisons {
    private final ExprBinder binder;

    RowComparisons(ExprBinder binder) {
        this.binder = binder;
    }

    /** Whether a comparison of these sides needs this class (a side is a listed row or a subquery). */
    static boolean applies(Expr left, Expr right) {
        return RowValues.isRow(left) || RowValues.isRow(right) || isQuery(left) || isQuery(right);
    }

    /** {@code left op right}, {@code op} one of {@code = != < <= > >= IS} and {@code IS NOT}. */
    Typed compare(String op, Expr left, Expr right, SourcePosition at, ExprBinder.Context cx) {
        if (!isQuery(left) && !isQuery(right)) {
            Expr written = switch (op) {
                case "IS", "IS NOT" -> RowValues.is(new Expr.Is(left, right, op.equals("IS NOT"), at));
                default -> RowValues.compare(op, left, right, at);
            };
            return binder.bind(written, cx);
        }
        return compare(op, side(left, cx), side(right, cx), at);
    }

    /**
     * {@code x [NOT] BETWEEN lo AND hi} as {@code x >= lo AND x <= hi}, each side bound once (a
     * subquery operand serves both comparisons).
     */
    Typed between(Expr.Between b, ExprBinder.Context cx) {
        if (!isQuery(b.operand()) && !isQuery(b.low()) && !isQuery(b.high())) {
            return binder.bind(RowValues.between(b), cx);
        }
        Side x = side(b.operand(), cx);
        Scalar low = compare(">=", x, side(b.low(), cx), b.position()).scalar();
        Scalar high = compare("<=", x, side(b.high(), cx), b.position()).scalar();
        Scalar both = new Scalar.And(low, high);
        return Typed.of(b.negated() ? new Scalar.Unary("NOT", both) : both, SqlType.INTEGER);
    }

    private static Typed compare(String op, Side l, Side r, SourcePosition at) {
        if (l.width() != r.width()) {
            throw RowValues.misused(at);
        }
        if (l.width() == 1) {
            return ExprBinder.comparison(op, l.scalar(), r.scalar());
        }
        List<Coercion> coercions = new ArrayList<>();
        for (int i = 0; i < l.width(); i++) {
            coercions.add(Coercion.between(l.column(i).affinity(), r.column(i).affinity()));
        }
        return Typed.of(new Scalar.RowCompare(op, l.row(), r.row(), coercions), SqlType.INTEGER);
    }

    private static boolean isQuery(Expr e) {
        return e instanceof Expr.ScalarSubquery;
    }

    private Side side(Expr e, ExprBinder.Context cx) {
        if (e instanceof Expr.ScalarSubquery s) {
            return new Side(List.of(), binder.subquery(s.query(), cx));
        }
        List<Expr> items = e instanceof Expr.RowValue r ? r.items() : List.of(e);
        List<Typed> bound = new ArrayList<>();
        for (Expr item : items) {
            bound.add(binder.bind(item, cx));
        }
        return new Side(bound, null);
    }

    /** A bound side: listed elements, or a subquery (then {@code listed} is empty). */
    private record Side(List<Typed> listed, Scalar.Subquery query) {
        int width() {
            return query == null ? listed.size() : query.plan().columns().size();
        }

        /** The affinity and type of element {@code i}. */
        Typed column(int i) {
            if (query == null) {
                return listed.get(i);
            }
            ColumnInfo c = query.plan().columns().get(i);
            return new Typed(null, c.affinity(), c.type());
        }

        /** A side of width one as a scalar. */
        Typed scalar() {
            return query == null ? listed.getFirst() : ExprBinder.scalarQuery(query);
        }

        Scalar.RowSide row() {
            return query == null ? new Scalar.RowSide.Listed(listed.stream().map(Typed::scalar).toList())
                    : new Scalar.RowSide.FirstRow(query);
        }
    }
}
