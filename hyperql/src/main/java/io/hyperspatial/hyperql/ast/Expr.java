package io.hyperspatial.hyperql.ast;

import io.hyperspatial.hyperql.error.SourcePosition;

import java.util.List;

/**
 * An expression as written, before names are resolved. Every node knows where it starts in the
 * statement text so that later stages can point at it in their errors.
 */
public sealed interface Expr {
    /** Where the expression starts. */
    SourcePosition position();

    /** A constant: null, Long, Double, String or Blob. */
    record Literal(Object value, SourcePosition position) implements Expr {
    }

    /**
     * A parameter: {@code ?} (name null) or {@code $name}; {@code ordinal} is its slot among the
     * statement's parameters in order of appearance, from 0 (every mention of one name shares a slot).
     */
    record Parameter(int ordinal, String name, SourcePosition position) implements Expr {
    }

    /** A column, optionally qualified by a table name or alias. */
    record ColumnName(String qualifier, String name, SourcePosition position) implements Expr {
    }

    /** A prefix operator: {@code -}, {@code +}, {@code ~} or {@code NOT}. */
    record Unary(String operator, Expr operand, SourcePosition position) implements Expr {
    }

    /**
     * A binary operator: arithmetic, {@code ||}, bitwise, comparison ({@code = != < <= > >=}),
     * {@code AND}, {@code OR} or a distance ({@code <-> <=> <#>}).
     */
    record Binary(String operator, Expr left, Expr right, SourcePosition position) implements Expr {
    }

    /** {@code left IS [NOT] right}: equality where NULL equals NULL. */
    record Is(Expr left, Expr right, boolean negated, SourcePosition position) implements Expr {
    }

    /** {@code operand IS NULL} ({@code negated}: IS NOT NULL / NOTNULL). */
    record NullTest(Expr operand, boolean negated, SourcePosition position) implements Expr {
    }

    /** {@code operand [NOT] IN (items...)}. */
    record InList(Expr operand, List<Expr> items, boolean negated, SourcePosition position) implements Expr {
    }

    /** {@code operand [NOT] IN (SELECT ...)}. */
    record InSelect(Expr operand, Select query, boolean negated, SourcePosition position) implements Expr {
    }

    /** {@code operand [NOT] LIKE|GLOB pattern [ESCAPE escape]}; escape may be null. */
    record Like(Expr operand, Expr pattern, Expr escape, boolean negated, boolean glob, SourcePosition position)
            implements Expr {
    }

    /**
     * {@code operand NEAR query WITHIN radius}: the operand (a vector column) lies within the radius
     * of the query under the column's metric; {@code near} is where the NEAR keyword stands.
     */
    record Near(Expr operand, Expr query, Expr radius, SourcePosition near, SourcePosition position) implements Expr {
    }

    /** {@code operand [NOT] BETWEEN low AND high}. */
    record Between(Expr operand, Expr low, Expr high, boolean negated, SourcePosition position) implements Expr {
    }

    /** {@code CASE [operand] WHEN .. THEN .. [ELSE otherwise] END}; operand and otherwise may be null. */
    record Case(Expr operand, List<When> whens, Expr otherwise, SourcePosition position) implements Expr {
    }

    /** One {@code WHEN condition THEN result} arm. */
    record When(Expr condition, Expr result) {
    }

    /** {@code CAST(operand AS type)}. */
    record Cast(Expr operand, TypeName type, SourcePosition position) implements Expr {
    }

    /** {@code EXISTS (SELECT ...)}. */
    record Exists(Select query, SourcePosition position) implements Expr {
    }

    /** {@code (SELECT ...)} used as a value. */
    record ScalarSubquery(Select query, SourcePosition position) implements Expr {
    }

    /**
     * A row value {@code (a, b, ...)} of two or more elements: only compared with another of the
     * same width ({@code = != < <= > >= IS [NOT] BETWEEN}) or tested with {@code IN}.
     */
    record RowValue(List<Expr> items, SourcePosition position) implements Expr {
    }

    /** A function call; {@code star} for {@code count(*)}. */
    record FunctionCall(String name, List<Expr> arguments, boolean distinct, boolean star, SourcePosition position)
            implements Expr {
    }
}
