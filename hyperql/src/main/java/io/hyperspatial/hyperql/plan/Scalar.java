package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.source.VectorMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A resolved expression, evaluated against a row: names are bound to column positions, functions to
 * their implementations, comparisons carry their affinity coercion. Produced by the analyzer,
 * rewritten by the optimizer, evaluated by the executor. Immutable.
 */
public sealed interface Scalar {

    /**
     * A column of the current row ({@code depth} 0) or of an enclosing query's row ({@code depth} n:
     * n levels out), for correlated subqueries.
     */
    record Column(int depth, int index, String name) implements Scalar {
    }

    /** A constant value. */
    record Constant(Object value) implements Scalar {
    }

    /** The statement's parameter at {@code index}; {@code label} is {@code ?} or {@code $name}. */
    record Param(int index, String label) implements Scalar {
    }

    /** {@code -x}, {@code +x}, {@code ~x} or {@code NOT x}. */
    record Unary(String operator, Scalar operand) implements Scalar {
    }

    /** Arithmetic ({@code + - * / %}), {@code ||} and bitwise operators. */
    record Arithmetic(String operator, Scalar left, Scalar right) implements Scalar {
    }

    /** A comparison {@code = != < <= > >=} after the coercion of its operands. */
    record Compare(String operator, Scalar left, Scalar right, Coercion coercion) implements Scalar {
        /** The comparison operators, as the parser normalises them. */
        public static final java.util.Set<String> OPERATORS = java.util.Set.of("=", "!=", "<", "<=", ">", ">=");
    }

    /** {@code left IS [NOT] right}: NULL equals NULL. */
    record Is(Scalar left, Scalar right, boolean negated, Coercion coercion) implements Scalar {
    }

    /** {@code operand IS [NOT] NULL}. */
    record IsNull(Scalar operand, boolean negated) implements Scalar {
    }

    /** Three-valued AND. */
    record And(Scalar left, Scalar right) implements Scalar {
    }

    /** Three-valued OR. */
    record Or(Scalar left, Scalar right) implements Scalar {
    }

    /** {@code operand [NOT] IN (items)}; {@code coercions} has one entry per item. */
    record InList(Scalar operand, List<Scalar> items, List<Coercion> coercions, boolean negated) implements Scalar {
    }

    /**
     * {@code operand [NOT] IN (subquery)}, or with a row value {@code (a, b) [NOT] IN (subquery)}:
     * one operand and one coercion per column of the subquery.
     */
    record InQuery(List<Scalar> operands, Subquery query, List<Coercion> coercions, boolean negated) implements Scalar {
        public InQuery {
            operands = List.copyOf(operands);
            coercions = List.copyOf(coercions);
        }

        /** The same test with other operands and subquery. */
        public InQuery with(List<Scalar> newOperands, Subquery newQuery) {
            return new InQuery(newOperands, newQuery, coercions, negated);
        }
    }

    /** {@code EXISTS (subquery)}. */
    record Exists(Subquery query) implements Scalar {
    }

    /** A subquery used as a value: its first row's first column, or NULL. */
    record ScalarQuery(Subquery query) implements Scalar {
    }

    /**
     * A comparison of two rows of one width at least one of which is a subquery's first row (a row
     * of NULLs when the subquery has none), as SQLite compares {@code (a, b) < (SELECT x, y ...)}:
     * {@code operator} is one of {@code = != < <= > >= IS} and {@code IS NOT}; {@code coercions}
     * has one entry per column. Each subquery runs once per evaluation (once per statement when
     * uncorrelated). Rows without a subquery never get here: they are written out over their elements.
     */
    record RowCompare(String operator, RowSide left, RowSide right, List<Coercion> coercions) implements Scalar {
        public RowCompare {
            coercions = List.copyOf(coercions);
        }

        /** The same comparison with each side's elements and subquery mapped. */
        public RowCompare map(UnaryOperator<Scalar> elements,
                              UnaryOperator<Subquery> queries) {
            return new RowCompare(operator, left.map(elements, queries), right.map(elements, queries), coercions);
        }

        /** The listed elements of both sides, left first (the subqueries' columns are not among them). */
        public List<Scalar> elements() {
            List<Scalar> out = new ArrayList<>(left.elements());
            out.addAll(right.elements());
            return out;
        }

        /** The subqueries of both sides, left first. */
        public List<Subquery> queries() {
            return Stream.of(left, right)
                    .flatMap(s -> s instanceof RowSide.FirstRow f ? Stream.of(f.query())
                            : Stream.empty())
                    .toList();
        }
    }

    /** One side of a {@link RowCompare}: listed values, or the first row of a subquery. */
    sealed interface RowSide {
        /** The values the side lists (none for a subquery). */
        List<Scalar> elements();

        /** The side with its elements and subquery mapped. */
        RowSide map(UnaryOperator<Scalar> elements, UnaryOperator<Subquery> queries);

        /** {@code (a, b, ...)}. */
        record Listed(List<Scalar> elements) implements RowSide {
            public Listed {
                elements = List.copyOf(elements);
            }

            @Override
            public RowSide map(UnaryOperator<Scalar> f, UnaryOperator<Subquery> queries) {
                return new Listed(elements.stream().map(f).toList());
            }
        }

        /** {@code (SELECT x, y ...)}: its first row, or NULLs when it has none. */
        record FirstRow(Subquery query) implements RowSide {
            @Override
            public List<Scalar> elements() {
                return List.of();
            }

            @Override
            public RowSide map(UnaryOperator<Scalar> f, UnaryOperator<Subquery> queries) {
                return new FirstRow(queries.apply(query));
            }
        }
    }

    /** {@code operand [NOT] LIKE|GLOB pattern [ESCAPE escape]}; escape may be null. */
    record Like(Scalar operand, Scalar pattern, Scalar escape, boolean negated, boolean glob) implements Scalar {
    }

    /**
     * {@code CASE}: with an operand, each when is compared to it as {@code operand = when} would be,
     * under the coercion of that pair ({@code coercions}, one per when; empty without an operand);
     * {@code otherwise} may be null.
     */
    record Case(Scalar operand, List<Scalar> whens, List<Scalar> thens, Scalar otherwise, List<Coercion> coercions)
            implements Scalar {
    }

    /** {@code CAST(operand AS target)}. */
    record Cast(Scalar operand, CastTarget target, int dimensions) implements Scalar {
    }

    /** A scalar function call. */
    record Call(ScalarFunction function, List<Scalar> arguments) implements Scalar {
    }

    /** A value of the session running the statement ({@code last_insert_rowid()}, {@code changes()}, …). */
    record SessionValue(SessionFunction function) implements Scalar {
    }

    /**
     * A vector distance operator or function under a metric; {@code where} names the expression in
     * run-time errors (e.g. {@code hdist() at 1:8}), null for the operators.
     */
    record Distance(VectorMetric metric, Scalar left, Scalar right, String where) implements Scalar {
    }

    /**
     * {@code operand NEAR query WITHIN radius}: true when the distance under {@code metric} (the
     * operand column's) is at most the radius, NULL when any side is NULL; a radius that is not a
     * non-negative finite number is an error naming {@code where} (e.g. {@code NEAR at 1:20}).
     */
    record Near(VectorMetric metric, Scalar operand, Scalar query, Scalar radius, String where) implements Scalar {
    }

    /**
     * An aggregate call; exists only between binding and the aggregate rewrite, after which it is a
     * {@link Column} of the aggregate's output.
     */
    record AggregateCall(AggregateFunction function, List<Scalar> arguments, boolean distinct) implements Scalar {
    }

    /** The type CAST converts to. */
    enum CastTarget { INTEGER, REAL, NUMERIC, TEXT, BLOB, VECTOR }

    /**
     * A query nested in an expression.
     *
     * @param plan       its plan
     * @param correlated whether it reads columns of an enclosing query (then it runs again per row)
     */
    record Subquery(PlanNode plan, boolean correlated) {
    }
}
