package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.Truth;
import io.hyperspatial.hyperql.value.ValueOrder;

import java.util.List;

/**
 * Evaluates {@link Scalar} expressions against a row, with SQLite's semantics: three-valued logic,
 * comparisons after affinity coercion, arithmetic that yields NULL on NULL. Stateless.
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** The value of the expression for the row within the frame. */
    public static Object eval(Scalar e, Object[] row, Frame frame) {
        return switch (e) {
            case Scalar.Column c -> c.depth() == 0 ? row[c.index()] : frame.outer(c.depth())[c.index()];
            case Scalar.Constant c -> c.value();
            case Scalar.Param p -> frame.parameter(p.index(), p.label());
            case Scalar.SessionValue v -> frame.session().value(v.function());
            case Scalar.Unary u -> unary(u.operator(), eval(u.operand(), row, frame));
            case Scalar.Arithmetic a -> arithmetic(a.operator(), eval(a.left(), row, frame), eval(a.right(), row, frame));
            case Scalar.Compare c -> compare(c.operator(), eval(c.left(), row, frame), eval(c.right(), row, frame), c.coercion());
            case Scalar.Is i -> is(i, row, frame);
            case Scalar.IsNull n -> Truth.value((eval(n.operand(), row, frame) == null) != n.negated());
            case Scalar.And a -> connective(a.left(), a.right(), false, row, frame);
            case Scalar.Or o -> connective(o.left(), o.right(), true, row, frame);
            case Scalar.InList in -> inList(in, row, frame);
            case Scalar.InQuery in -> Subqueries.in(in, row, frame);
            case Scalar.Exists x -> Truth.value(Subqueries.exists(x.query(), row, frame));
            case Scalar.ScalarQuery q -> Subqueries.scalar(q.query(), row, frame);
            case Scalar.RowCompare r -> RowComparison.evaluate(r, row, frame);
            case Scalar.Like l -> like(l, row, frame);
            case Scalar.Case c -> caseWhen(c, row, frame);
            case Scalar.Cast c -> Casts.cast(eval(c.operand(), row, frame), c.target(), c.dimensions());
            case Scalar.Call c -> call(c, row, frame);
            case Scalar.Distance d -> distance(d, row, frame);
            case Scalar.Near n -> Nearness.test(n.metric(), eval(n.operand(), row, frame), eval(n.query(), row, frame),
                    eval(n.radius(), row, frame), n.where());
            case Scalar.AggregateCall a -> throw new IllegalStateException("aggregate outside an aggregation: " + a);
        };
    }

    /** True when the predicate holds for the row (NULL and false both reject). */
    public static boolean test(Scalar predicate, Object[] row, Frame frame) {
        return Truth.isTrue(eval(predicate, row, frame));
    }

    static Object compare(String op, Object left, Object right, Coercion coercion) {
        if (left == null || right == null) {
            return null;
        }
        int c = ValueOrder.compare(coercion.applyLeft(left), coercion.applyRight(right));
        boolean result = switch (op) {
            case "=" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalArgumentException(op);
        };
        return result ? 1L : 0L;
    }

    private static Object unary(String op, Object v) {
        return switch (op) {
            case "-" -> Arithmetic.negate(v);
            case "+" -> v;
            case "~" -> Arithmetic.bitNot(v);
            case "NOT" -> {
                Boolean t = Truth.of(v);
                yield t == null ? null : t ? 0L : 1L;
            }
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static Object arithmetic(String op, Object l, Object r) {
        return switch (op) {
            case "+" -> Arithmetic.add(l, r);
            case "-" -> Arithmetic.subtract(l, r);
            case "*" -> Arithmetic.multiply(l, r);
            case "/" -> Arithmetic.divide(l, r);
            case "%" -> Arithmetic.remainder(l, r);
            case "||" -> Arithmetic.concat(l, r);
            default -> Arithmetic.bitwise(op, l, r);
        };
    }

    private static Object is(Scalar.Is i, Object[] row, Frame frame) {
        Object l = eval(i.left(), row, frame);
        Object r = eval(i.right(), row, frame);
        boolean same;
        if (l == null || r == null) {
            same = l == r;
        } else {
            same = ValueOrder.compare(i.coercion().applyLeft(l), i.coercion().applyRight(r)) == 0;
        }
        return Truth.value(same != i.negated());
    }

    /**
     * Three-valued AND ({@code dominant} false) and OR ({@code dominant} true): the dominant value on
     * either side decides, evaluating the right side only when the left does not; else NULL if
     * either side is NULL.
     */
    private static Object connective(Scalar left, Scalar right, boolean dominant, Object[] row, Frame frame) {
        Boolean l = Truth.of(eval(left, row, frame));
        if (l != null && l == dominant) {
            return Truth.value(dominant);
        }
        Boolean r = Truth.of(eval(right, row, frame));
        if (r != null && r == dominant) {
            return Truth.value(dominant);
        }
        return l == null || r == null ? null : Truth.value(!dominant);
    }

    private static Object inList(Scalar.InList in, Object[] row, Frame frame) {
        List<Scalar> items = in.items();
        if (items.isEmpty()) {
            return Truth.value(in.negated());
        }
        Object v = eval(in.operand(), row, frame);
        if (v == null) {
            return null;
        }
        boolean sawNull = false;
        for (int i = 0; i < items.size(); i++) {
            Object item = eval(items.get(i), row, frame);
            if (item == null) {
                sawNull = true;
                continue;
            }
            Coercion c = in.coercions().get(i);
            if (ValueOrder.compare(c.applyLeft(v), c.applyRight(item)) == 0) {
                return Truth.value(!in.negated());
            }
        }
        return sawNull ? null : Truth.value(in.negated());
    }

    private static Object like(Scalar.Like l, Object[] row, Frame frame) {
        Object value = eval(l.operand(), row, frame);
        Object pattern = eval(l.pattern(), row, frame);
        Object escape = l.escape() == null ? null : eval(l.escape(), row, frame);
        if (value == null || pattern == null || (l.escape() != null && escape == null)) {
            return null;
        }
        String p = TextForm.of(pattern);
        String s = TextForm.of(value);
        boolean match;
        if (l.glob()) {
            match = PatternMatch.glob(p, s);
        } else {
            String esc = escape == null ? null : TextForm.of(escape);
            if (esc != null && esc.codePointCount(0, esc.length()) != 1) {
                throw new HqlExecutionException(ErrorCode.HQL_WRONG_ARGUMENTS, "ESCAPE expression must be a single character");
            }
            match = PatternMatch.like(p, s, esc == null ? -1 : esc.codePointAt(0));
        }
        return Truth.value(match != l.negated());
    }

    private static Object caseWhen(Scalar.Case c, Object[] row, Frame frame) {
        Object operand = c.operand() == null ? null : eval(c.operand(), row, frame);
        for (int i = 0; i < c.whens().size(); i++) {
            Object w = eval(c.whens().get(i), row, frame);
            boolean hit = c.operand() == null ? Truth.isTrue(w)
                    : Truth.isTrue(compare("=", operand, w, c.coercions().get(i)));
            if (hit) {
                return eval(c.thens().get(i), row, frame);
            }
        }
        return c.otherwise() == null ? null : eval(c.otherwise(), row, frame);
    }

    private static Object call(Scalar.Call c, Object[] row, Frame frame) {
        List<Scalar> args = c.arguments();
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = eval(args.get(i), row, frame);
        }
        return c.function().implementation().apply(values, frame.clock());
    }

    private static Object distance(Scalar.Distance d, Object[] row, Frame frame) {
        Object l = eval(d.left(), row, frame);
        Object r = eval(d.right(), row, frame);
        if (l == null || r == null) {
            return null;
        }
        return Nearness.distance(d.metric(), Casts.toVector(l), Casts.toVector(r), d.where());
    }
}
