package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Expr;
import io.hyperspatial.hyperql.ast.TypeName;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.exec.Evaluator;
import io.hyperspatial.hyperql.exec.Frame;
import io.hyperspatial.hyperql.exec.Nearness;
import io.hyperspatial.hyperql.function.ScalarFunctions;
import io.hyperspatial.hyperql.plan.AggregateFunction;
import io.hyperspatial.hyperql.plan.Coercion;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.PlanWalker;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.plan.SessionFunction;
import io.hyperspatial.hyperql.source.VectorMetric;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds expressions: resolves column names through the {@link Scope}s (the innermost scope first,
 * then result-column aliases where the clause allows them, then enclosing queries), binds functions
 * and aggregates, computes comparison coercions from affinities, and checks types where SQL can.
 * Not thread-safe; one per analysis.
 */
final class ExprBinder {
    /**
     * Where an expression stands.
     *
     * @param scope      the names in scope
     * @param aggregates whether aggregate calls are allowed (SELECT list, HAVING, ORDER BY)
     * @param aliases    result-column aliases usable as names (null: none), lower-case keys
     * @param clause     the clause name, for error messages
     */
    record Context(Scope scope, boolean aggregates, Map<String, Typed> aliases, String clause) {
        /** The context of an aggregate's arguments, where another aggregate would be nested. */
        Context withoutAggregates() {
            return new Context(scope, false, aliases, "an aggregate's arguments");
        }
    }

    private final SelectAnalyzer selects;
    private final Parameters parameters;
    private final RowComparisons rows = new RowComparisons(this);

    ExprBinder(SelectAnalyzer selects, Parameters parameters) {
        this.selects = selects;
        this.parameters = parameters;
    }

    Typed bind(Expr e, Context cx) {
        return switch (e) {
            case Expr.Literal l -> new Typed(new Scalar.Constant(l.value()), null, SqlType.of(l.value()));
            case Expr.Parameter p -> Typed.of(parameters.bind(p), SqlType.ANY);
            case Expr.ColumnName c -> column(c, cx);
            case Expr.Unary u -> unary(u, cx);
            case Expr.Binary b -> binary(b, cx);
            case Expr.Is i when RowComparisons.applies(i.left(), i.right()) ->
                    rows.compare(i.negated() ? "IS NOT" : "IS", i.left(), i.right(), i.position(), cx);
            case Expr.Is i -> comparison(i.negated() ? "IS NOT" : "IS", bind(i.left(), cx), bind(i.right(), cx));
            case Expr.NullTest n -> Typed.of(new Scalar.IsNull(bind(n.operand(), cx).scalar(), n.negated()), SqlType.INTEGER);
            case Expr.InList in when RowValues.isRow(in.operand()) -> bind(RowValues.inList(in), cx);
            case Expr.InList in -> inList(in, cx);
            case Expr.InSelect in -> inSelect(in, cx);
            case Expr.Exists x -> Typed.of(new Scalar.Exists(subquery(x.query(), cx)), SqlType.INTEGER);
            case Expr.ScalarSubquery s -> {
                Scalar.Subquery q = subquery(s.query(), cx);
                requireOneColumn(q, s);
                yield scalarQuery(q);
            }
            case Expr.Like l -> Typed.of(new Scalar.Like(bind(l.operand(), cx).scalar(), bind(l.pattern(), cx).scalar(),
                    l.escape() == null ? null : bind(l.escape(), cx).scalar(), l.negated(), l.glob()), SqlType.INTEGER);
            case Expr.Between b when RowComparisons.applies(b.operand(), b.low())
                    || RowComparisons.applies(b.operand(), b.high()) -> rows.between(b, cx);
            case Expr.Between b -> between(b, cx);
            case Expr.RowValue r -> throw RowValues.misused(r.position());
            case Expr.Near n -> near(n, cx);
            case Expr.Case c -> caseWhen(c, cx);
            case Expr.Cast c -> cast(c, cx);
            case Expr.FunctionCall f -> function(f, cx);
        };
    }

    private Typed column(Expr.ColumnName c, Context cx) {
        Scope.Entry here = cx.scope().find(c.qualifier(), c.name(), c);
        if (here != null) {
            return Typed.ofColumn(new Scalar.Column(0, here.index(), here.column().name()), here.column());
        }
        if (c.qualifier() == null && cx.aliases() != null) {
            Typed alias = cx.aliases().get(c.name().toLowerCase(Locale.ROOT));
            if (alias != null) {
                if (!cx.aggregates() && hasAggregate(alias.scalar())) {
                    throw misusedAggregate(c.name(), cx, c);
                }
                return alias;
            }
        }
        Scope outer = cx.scope().parent();
        Scope.Resolved r = outer == null ? null : outer.resolve(c.qualifier(), c.name(), c);
        if (r == null) {
            String name = c.qualifier() == null ? c.name() : c.qualifier() + "." + c.name();
            throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_COLUMN, "no such column: " + name, c.position());
        }
        Scope.Entry e = r.entry();
        return Typed.ofColumn(new Scalar.Column(r.depth() + 1, e.index(), e.column().name()), e.column());
    }

    private Typed unary(Expr.Unary u, Context cx) {
        Typed operand = bind(u.operand(), cx);
        SqlType type = u.operator().equals("NOT") || u.operator().equals("~") ? SqlType.INTEGER
                : operand.type().isNumeric() ? operand.type() : SqlType.ANY;
        if (u.operator().equals("+")) {
            return new Typed(operand.scalar(), operand.affinity(), operand.type());
        }
        return Typed.of(new Scalar.Unary(u.operator(), operand.scalar()), type);
    }

    private Typed binary(Expr.Binary b, Context cx) {
        String op = b.operator();
        if (Scalar.Compare.OPERATORS.contains(op) && RowComparisons.applies(b.left(), b.right())) {
            return rows.compare(op, b.left(), b.right(), b.position(), cx);
        }
        Typed l = bind(b.left(), cx);
        Typed r = bind(b.right(), cx);
        return switch (op) {
            case "AND" -> Typed.of(new Scalar.And(l.scalar(), r.scalar()), SqlType.INTEGER);
            case "OR" -> Typed.of(new Scalar.Or(l.scalar(), r.scalar()), SqlType.INTEGER);
            case "=", "!=", "<", "<=", ">", ">=" -> comparison(op, l, r);
            case "<->", "<=>", "<#>" -> distance(VectorMetric.ofOperator(op).orElseThrow(), l, r, b);
            case "||" -> Typed.of(new Scalar.Arithmetic(op, l.scalar(), r.scalar()), SqlType.TEXT);
            default -> Typed.of(new Scalar.Arithmetic(op, l.scalar(), r.scalar()), arithmeticType(op, l.type(), r.type()));
        };
    }

    /** {@code l op r} for one value on each side, {@code op} a comparison operator, {@code IS} or {@code IS NOT}. */
    static Typed comparison(String op, Typed l, Typed r) {
        Coercion c = Coercion.between(l.affinity(), r.affinity());
        Scalar s = switch (op) {
            case "IS", "IS NOT" -> new Scalar.Is(l.scalar(), r.scalar(), op.equals("IS NOT"), c);
            default -> new Scalar.Compare(op, l.scalar(), r.scalar(), c);
        };
        return Typed.of(s, SqlType.INTEGER);
    }

    /** A subquery of one column used as a value, with that column's affinity and type. */
    static Typed scalarQuery(Scalar.Subquery q) {
        ColumnInfo c = q.plan().columns().get(0);
        return new Typed(new Scalar.ScalarQuery(q), c.affinity(), c.type());
    }

    private static SqlType arithmeticType(String op, SqlType l, SqlType r) {
        if (op.equals("&") || op.equals("|") || op.equals("<<") || op.equals(">>")) {
            return SqlType.INTEGER;
        }
        if (l == SqlType.REAL || r == SqlType.REAL) {
            return SqlType.REAL;
        }
        return SqlType.ANY;
    }

    private Typed distance(VectorMetric metric, Typed l, Typed r, Expr at) {
        requireVectors("operator " + metric.operator(), l, r, at);
        return Typed.of(new Scalar.Distance(metric, l.scalar(), r.scalar(), null), SqlType.REAL);
    }

    /**
     * {@code col NEAR q WITHIN r}: the operand must be a vector column of a table (its metric is the
     * one used); a constant radius is checked here, so a bad one fails before the query runs.
     */
    private Typed near(Expr.Near n, Context cx) {
        Typed operand = bind(n.operand(), cx);
        Typed query = bind(n.query(), cx);
        Typed radius = bind(n.radius(), cx);
        String where = "NEAR at " + at(n.near());
        if (operand.metric() == null) {
            throw new HqlSemanticException(ErrorCode.HQL_TYPE_MISMATCH, where
                    + ": the left operand must be a vector column of a table (its metric decides the distance)",
                    n.operand().position());
        }
        requireVectors(where, operand, query, n.query());
        if (isConstant(radius.scalar())) {
            try {
                Object r = Evaluator.eval(radius.scalar(), new Object[0], Frame.root(new Object[0]));
                if (r != null) {
                    Nearness.radius(r, where);
                }
            } catch (HqlException e) {
                throw new HqlSemanticException(e.code(), e.getMessage(), n.radius().position());
            }
        }
        return Typed.of(new Scalar.Near(operand.metric(), operand.scalar(), query.scalar(), radius.scalar(), where),
                SqlType.INTEGER);
    }

    /** Whether an expression reads no row, parameter, session value or subquery and calls only deterministic functions. */
    private static boolean isConstant(Scalar e) {
        boolean[] variable = {false};
        PlanWalker.forEach(e, n -> variable[0] |= n instanceof Scalar.Column || n instanceof Scalar.Param
                || n instanceof Scalar.SessionValue
                || n instanceof Scalar.AggregateCall || !PlanWalker.subqueries(n).isEmpty()
                || n instanceof Scalar.Call c && !c.function().deterministic());
        return !variable[0];
    }

    private static String at(io.hyperspatial.hyperql.error.SourcePosition p) {
        return p == null ? "?" : p.line() + ":" + p.column();
    }

    /** Numbers and blobs are never vectors: a type error before the query runs. */
    private static void requireVectors(String what, Typed l, Typed r, Expr at) {
        for (Typed side : List.of(l, r)) {
            SqlType t = side.type();
            if (t == SqlType.INTEGER || t == SqlType.REAL || t == SqlType.BLOB) {
                throw new HqlSemanticException(ErrorCode.HQL_TYPE_MISMATCH, what + " needs vectors, got "
                        + t.typeofName(), at.position());
            }
        }
    }

    /** {@code hdist(a, b)}: the Poincaré-ball distance ({@link VectorMetric#POINCARE}), its errors naming the call's position. */
    private Typed hyperbolicDistance(List<Typed> args, Expr.FunctionCall f) {
        if (args.size() != 2 || f.distinct()) {
            throw wrongArguments("hdist", f);
        }
        requireVectors("hdist()", args.get(0), args.get(1), f);
        String where = f.position() == null ? "hdist()" : "hdist() at " + at(f.position());
        return Typed.of(new Scalar.Distance(VectorMetric.POINCARE, args.get(0).scalar(), args.get(1).scalar(), where),
                SqlType.REAL);
    }

    private Typed inList(Expr.InList in, Context cx) {
        Typed operand = bind(in.operand(), cx);
        List<Scalar> items = new ArrayList<>();
        List<Coercion> coercions = new ArrayList<>();
        for (Expr item : in.items()) {
            Typed t = bind(item, cx);
            items.add(t.scalar());
            // SQLite: a IN (x, y) is a = +x OR a = +y, the items taken without affinity even when
            // they are columns or CASTs; only the left operand's affinity applies.
            coercions.add(Coercion.between(operand.affinity(), null));
        }
        return Typed.of(new Scalar.InList(operand.scalar(), items, coercions, in.negated()), SqlType.INTEGER);
    }

    /**
     * {@code x [NOT] IN (SELECT ...)}, or {@code (a, b) [NOT] IN (SELECT x, y ...)}: the subquery
     * has as many columns as the left side has elements, each pair compared with its own affinity.
     */
    private Typed inSelect(Expr.InSelect in, Context cx) {
        List<Expr> elements = in.operand() instanceof Expr.RowValue r ? r.items() : List.of(in.operand());
        Scalar.Subquery q = subquery(in.query(), cx);
        int columns = q.plan().columns().size();
        if (columns != elements.size()) {
            throw new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, "sub-select returns " + columns
                    + " columns - expected " + elements.size(), in.position());
        }
        List<Scalar> operands = new ArrayList<>();
        List<Coercion> coercions = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            Typed operand = bind(elements.get(i), cx);
            operands.add(operand.scalar());
            coercions.add(Coercion.between(operand.affinity(), q.plan().columns().get(i).affinity()));
        }
        return Typed.of(new Scalar.InQuery(operands, q, coercions, in.negated()), SqlType.INTEGER);
    }

    private Typed between(Expr.Between b, Context cx) {
        Typed x = bind(b.operand(), cx);
        Typed lo = bind(b.low(), cx);
        Typed hi = bind(b.high(), cx);
        Scalar both = new Scalar.And(comparison(">=", x, lo).scalar(), comparison("<=", x, hi).scalar());
        return Typed.of(b.negated() ? new Scalar.Unary("NOT", both) : both, SqlType.INTEGER);
    }

    private Typed caseWhen(Expr.Case c, Context cx) {
        Typed operand = c.operand() == null ? null : bind(c.operand(), cx);
        List<Scalar> whens = new ArrayList<>();
        List<Scalar> thens = new ArrayList<>();
        List<Coercion> coercions = new ArrayList<>();
        for (Expr.When w : c.whens()) {
            Typed when = bind(w.condition(), cx);
            whens.add(when.scalar());
            if (operand != null) {
                coercions.add(Coercion.between(operand.affinity(), when.affinity()));
            }
            thens.add(bind(w.result(), cx).scalar());
        }
        Scalar otherwise = c.otherwise() == null ? null : bind(c.otherwise(), cx).scalar();
        return Typed.of(new Scalar.Case(operand == null ? null : operand.scalar(), whens, thens, otherwise,
                List.copyOf(coercions)), SqlType.ANY);
    }

    private Typed cast(Expr.Cast c, Context cx) {
        Scalar operand = bind(c.operand(), cx).scalar();
        TypeName t = c.type();
        if (t.isVector()) {
            return Typed.of(new Scalar.Cast(operand, Scalar.CastTarget.VECTOR, t.dimensions()), SqlType.VECTOR);
        }
        Affinity a = Affinity.ofDeclaredType(t.text());
        String upper = t.text().toUpperCase(Locale.ROOT);
        if (upper.equals("VECTOR")) {
            return Typed.of(new Scalar.Cast(operand, Scalar.CastTarget.VECTOR, 0), SqlType.VECTOR);
        }
        Scalar.CastTarget target = switch (a) {
            case INTEGER -> Scalar.CastTarget.INTEGER;
            case REAL -> Scalar.CastTarget.REAL;
            case NUMERIC -> Scalar.CastTarget.NUMERIC;
            case TEXT -> Scalar.CastTarget.TEXT;
            case BLOB -> Scalar.CastTarget.BLOB;
        };
        SqlType type = switch (target) {
            case INTEGER -> SqlType.INTEGER;
            case REAL -> SqlType.REAL;
            case TEXT -> SqlType.TEXT;
            case BLOB -> SqlType.BLOB;
            default -> SqlType.ANY;
        };
        return new Typed(new Scalar.Cast(operand, target, 0), a, type);
    }

    private Typed function(Expr.FunctionCall f, Context cx) {
        String name = f.name();
        AggregateFunction aggregate = AggregateFunction.named(name, f.arguments().size(), f.star());
        if (aggregate != null) {
            if (!cx.aggregates()) {
                throw misusedAggregate(name + "()", cx, f);
            }
            if (f.distinct() && f.arguments().size() != 1) {
                throw new HqlSemanticException(ErrorCode.HQL_WRONG_ARGUMENTS,
                        "DISTINCT aggregates must have exactly one argument", f.position());
            }
            Context inner = cx.withoutAggregates();
            List<Scalar> args = new ArrayList<>();
            for (Expr a : f.arguments()) {
                args.add(bind(a, inner).scalar());
            }
            SqlType type = switch (aggregate) {
                case COUNT, COUNT_STAR -> SqlType.INTEGER;
                case AVG, TOTAL -> SqlType.REAL;
                case GROUP_CONCAT -> SqlType.TEXT;
                default -> SqlType.ANY;
            };
            return Typed.of(new Scalar.AggregateCall(aggregate, args, f.distinct()), type);
        }
        if (AggregateFunction.isAggregateName(name) || f.star()) {
            throw wrongArguments(name, f);
        }
        List<Typed> args = new ArrayList<>();
        for (Expr a : f.arguments()) {
            args.add(bind(a, cx));
        }
        if (name.equals("distance") || name.equals("similarity")) {
            return vectorFunction(name, args, f);
        }
        if (name.equals("hdist")) {
            return hyperbolicDistance(args, f);
        }
        java.util.Optional<SessionFunction> session = SessionFunction.named(name);
        if (session.isPresent()) {
            if (!args.isEmpty() || f.distinct()) {
                throw wrongArguments(name, f);
            }
            return Typed.of(new Scalar.SessionValue(session.get()), SqlType.INTEGER);
        }
        ScalarFunction fn = ScalarFunctions.named(name).orElseThrow(() -> new HqlSemanticException(
                ErrorCode.HQL_UNKNOWN_FUNCTION, "no such function: " + name, f.position()));
        if (args.size() < fn.minArguments() || args.size() > fn.maxArguments() || f.distinct()) {
            throw wrongArguments(name, f);
        }
        SqlType type = switch (name) {
            case "length", "instr", "sign", "unicode", "like", "glob", "unixepoch" -> SqlType.INTEGER;
            case "round", "julianday", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cos", "cosh", "degrees",
                 "exp", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan",
                 "tanh" -> SqlType.REAL;
            case "typeof", "lower", "upper", "substr", "substring", "trim", "ltrim", "rtrim", "replace", "hex", "quote", "char",
                 "printf", "format", "date", "time", "datetime", "strftime", "current_date", "current_time",
                 "current_timestamp", "soundex" -> SqlType.TEXT;
            case "zeroblob", "randomblob" -> SqlType.BLOB;
            default -> SqlType.ANY;
        };
        return Typed.of(new Scalar.Call(fn, args.stream().map(Typed::scalar).toList()), type);
    }

    /**
     * {@code distance(a, b [, 'metric'])} and {@code similarity(a, b)} (1 - cosine distance). Without a
     * metric, distance is l2, unless an operand is a poincare or lorentz column: then its metric
     * (l2 means nothing on hyperbolic points).
     */
    private Typed vectorFunction(String name, List<Typed> args, Expr.FunctionCall f) {
        boolean similarity = name.equals("similarity");
        if (args.size() < 2 || args.size() > (similarity ? 2 : 3)) {
            throw wrongArguments(name, f);
        }
        VectorMetric metric = VectorMetric.COSINE;
        if (!similarity) {
            metric = hyperbolicColumn(args.get(0), args.get(1));
            if (args.size() == 3) {
                if (!(args.get(2).scalar() instanceof Scalar.Constant c) || !(c.value() instanceof String s)
                        || VectorMetric.named(s).isEmpty()) {
                    throw new HqlSemanticException(ErrorCode.HQL_WRONG_ARGUMENTS, "distance() takes a metric name "
                            + "'l2', 'cosine', 'dot', 'poincare' or 'lorentz' as its third argument", f.position());
                }
                metric = VectorMetric.named((String) ((Scalar.Constant) args.get(2).scalar()).value()).orElseThrow();
            }
        }
        Typed d;
        if (metric.hyperbolic()) {
            requireVectors(name + "()", args.get(0), args.get(1), f);
            d = Typed.of(new Scalar.Distance(metric, args.get(0).scalar(), args.get(1).scalar(),
                    name + "() at " + at(f.position())), SqlType.REAL);
        } else {
            d = distance(metric, args.get(0), args.get(1), f);
        }
        if (!similarity) {
            return d;
        }
        return Typed.of(new Scalar.Arithmetic("-", new Scalar.Constant(1.0), d.scalar()), SqlType.REAL);
    }

    /** The metric of the first operand that is a poincare or lorentz column, else l2. */
    private static VectorMetric hyperbolicColumn(Typed a, Typed b) {
        for (Typed t : List.of(a, b)) {
            if (t.metric() != null && t.metric().hyperbolic()) {
                return t.metric();
            }
        }
        return VectorMetric.L2;
    }

    /** The subquery planned in the scope of the expression it stands in. */
    Scalar.Subquery subquery(io.hyperspatial.hyperql.ast.Select select, Context cx) {
        PlanNode plan = selects.plan(select, cx.scope());
        return new Scalar.Subquery(plan, PlanWalker.referencesOuter(plan));
    }

    private static void requireOneColumn(Scalar.Subquery q, Expr at) {
        int n = q.plan().columns().size();
        if (n != 1) {
            throw new HqlSemanticException(ErrorCode.HQL_COLUMN_COUNT, "sub-select returns " + n
                    + " columns - expected 1", at.position());
        }
    }

    static boolean hasAggregate(Scalar e) {
        boolean[] found = {false};
        PlanWalker.forEach(e, s -> found[0] |= s instanceof Scalar.AggregateCall);
        return found[0];
    }

    private static HqlSemanticException misusedAggregate(String what, Context cx, Expr at) {
        return new HqlSemanticException(ErrorCode.HQL_MISUSED_AGGREGATE, "misuse of aggregate " + what + " in "
                + cx.clause(), at.position());
    }

    private static HqlSemanticException wrongArguments(String name, Expr at) {
        return new HqlSemanticException(ErrorCode.HQL_WRONG_ARGUMENTS, "wrong number of arguments to function "
                + name + "()", at.position());
    }
}
