package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/**
 * Row values {@code (a, b, ...)} as SQLite has them, written out over their elements before
 * binding, so that the plan only holds scalar comparisons (and the optimizer sees
 * {@code (a, b) = (1, 2)} as {@code a = 1 AND b = 2}, which an index can serve):
 * <ul>
 *   <li>{@code =} is every pair equal ({@code AND}), {@code !=} some pair different ({@code OR});</li>
 *   <li>{@code < <= > >=} compare left to right: {@code (a, b) < (x, y)} is
 *       {@code a < x OR (a = x AND b < y)}, so a NULL decides only when the pairs before it are
 *       equal, as in SQLite;</li>
 *   <li>{@code IS} every pair {@code IS}, {@code IS NOT} its negation; {@code BETWEEN} the two
 *       comparisons; {@code IN (row, row, ...)} the row equalities joined by {@code OR}.</li>
 * </ul>
 * {@code IN (SELECT ...)} keeps the rows whole (see {@code Scalar.InQuery}). A row value anywhere
 * else, or two of different widths, is SQLite's "row value misused".
 */
final class RowValues {
    private RowValues() {
    }

    /** Whether {@code e} is a row value. */
    static boolean isRow(Expr e) {
        return e instanceof Expr.RowValue;
    }

    /** {@code left op right} over the elements; either side may be a row value, both must be of one width. */
    static Expr compare(String op, Expr left, Expr right, SourcePosition at) {
        List<Expr> l = elements(left, right, at);
        List<Expr> r = elements(right, left, at);
        return switch (op) {
            case "=" -> joined("AND", pairs("=", l, r, at), at);
            case "!=" -> joined("OR", pairs("!=", l, r, at), at);
            case "<", "<=", ">", ">=" -> ordered(op, l, r, 0, at);
            default -> throw misused(left.position());
        };
    }

    /** {@code left IS [NOT] right}: every pair IS, negated for IS NOT. */
    static Expr is(Expr.Is i) {
        Expr all = joined("AND", isPairs(elements(i.left(), i.right(), i.position()),
                elements(i.right(), i.left(), i.position()), i.position()), i.position());
        return i.negated() ? new Expr.Unary("NOT", all, i.position()) : all;
    }

    /** {@code x [NOT] BETWEEN lo AND hi} as {@code x >= lo AND x <= hi}. */
    static Expr between(Expr.Between b) {
        Expr both = new Expr.Binary("AND", compare(">=", b.operand(), b.low(), b.position()),
                compare("<=", b.operand(), b.high(), b.position()), b.position());
        return b.negated() ? new Expr.Unary("NOT", both, b.position()) : both;
    }

    /** {@code row [NOT] IN (row, ...)} as the row equalities joined by OR (false for an empty list). */
    static Expr inList(Expr.InList in) {
        if (in.items().isEmpty()) {
            return new Expr.Literal(in.negated() ? 1L : 0L, in.position());
        }
        List<Expr> equal = new ArrayList<>();
        for (Expr item : in.items()) {
            equal.add(compare("=", in.operand(), item, item.position()));
        }
        Expr any = joined("OR", equal, in.position());
        return in.negated() ? new Expr.Unary("NOT", any, in.position()) : any;
    }

    /** SQLite's error for a row value where one value is expected, or rows of different widths. */
    static HqlSemanticException misused(SourcePosition at) {
        return new HqlSemanticException(ErrorCode.HQL_TYPE_MISMATCH,
                "row value misused: a row value can only be compared with one of the same width or tested with IN", at);
    }

    /** The elements of {@code e}, checked to be as many as {@code other}'s. */
    private static List<Expr> elements(Expr e, Expr other, SourcePosition at) {
        List<Expr> items = e instanceof Expr.RowValue r ? r.items() : List.of(e);
        int width = other instanceof Expr.RowValue r ? r.items().size() : 1;
        if (items.size() != width) {
            throw misused(at);
        }
        return items;
    }

    /** {@code l[i] op r[i] OR (l[i] = r[i] AND <the rest>)}, the last pair compared with op itself. */
    private static Expr ordered(String op, List<Expr> l, List<Expr> r, int i, SourcePosition at) {
        if (i == l.size() - 1) {
            return new Expr.Binary(op, l.get(i), r.get(i), at);
        }
        String strict = op.substring(0, 1);
        Expr first = new Expr.Binary(strict, l.get(i), r.get(i), at);
        Expr tie = new Expr.Binary("AND", new Expr.Binary("=", l.get(i), r.get(i), at), ordered(op, l, r, i + 1, at), at);
        return new Expr.Binary("OR", first, tie, at);
    }

    private static List<Expr> pairs(String op, List<Expr> l, List<Expr> r, SourcePosition at) {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new Expr.Binary(op, l.get(i), r.get(i), at));
        }
        return out;
    }

    private static List<Expr> isPairs(List<Expr> l, List<Expr> r, SourcePosition at) {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new Expr.Is(l.get(i), r.get(i), false, at));
        }
        return out;
    }

    private static Expr joined(String connective, List<Expr> terms, SourcePosition at) {
        Expr out = terms.getFirst();
        for (int i = 1; i < terms.size(); i++) {
            out = new Expr.Binary(connective, out, terms.get(i), at);
        }
        return out;
    }
}
