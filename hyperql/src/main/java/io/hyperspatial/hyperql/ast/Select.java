package io.hyperspatial.hyperql.ast;

import io.hyperspatial.hyperql.error.SourcePosition;

import java.util.List;

/**
 * A query: one or more select cores joined by compound operators, then ORDER BY and LIMIT/OFFSET,
 * which apply to the whole compound.
 *
 * @param cores     the cores, at least one
 * @param operators the operators between consecutive cores ({@code cores.size() - 1} of them)
 * @param orderBy   ordering terms, possibly empty
 * @param limit     the LIMIT expression or null
 * @param offset    the OFFSET expression or null
 * @param with      the WITH clause before it, or null
 */
public record Select(List<Core> cores, List<SetOperator> operators, List<OrderItem> orderBy, Expr limit, Expr offset,
                     With with) {

    /** A query without a WITH clause. */
    public Select(List<Core> cores, List<SetOperator> operators, List<OrderItem> orderBy, Expr limit, Expr offset) {
        this(cores, operators, orderBy, limit, offset, null);
    }

    /** {@code WITH [RECURSIVE] name [(columns)] AS (select), ...}: queries named for the statement. */
    public record With(boolean recursive, List<CommonTable> tables) {
    }

    /** One common table expression; {@code columns} empty when the query's own names are kept. */
    public record CommonTable(String name, List<String> columns, Select query, SourcePosition position) {
    }

    /** A compound operator. */
    public enum SetOperator { UNION, UNION_ALL, INTERSECT, EXCEPT }

    /** One SELECT ... or VALUES ... block. */
    public sealed interface Core {
    }

    /** {@code SELECT [DISTINCT] items FROM from WHERE where GROUP BY groupBy HAVING having}; from may be null. */
    public record QuerySpec(boolean distinct, List<Item> items, From from, Expr where, List<Expr> groupBy, Expr having,
                            SourcePosition position) implements Core {
    }

    /** {@code VALUES (..), (..)}. */
    public record Values(List<List<Expr>> rows, SourcePosition position) implements Core {
    }

    /** A result column. */
    public sealed interface Item {
    }

    /** {@code *}. */
    public record AllColumns() implements Item {
    }

    /** {@code table.*}. */
    public record TableColumns(String table, SourcePosition position) implements Item {
    }

    /** An expression with an optional alias; {@code text} is how it was written (the default column name). */
    public record ExprItem(Expr expr, String alias, String text) implements Item {
    }

    /** A FROM clause element. */
    public sealed interface From {
    }

    /** A table or view by name, with an optional alias. */
    public record TableRef(String name, String alias, SourcePosition position) implements From {
    }

    /** {@code (SELECT ...) [AS alias]}. */
    public record SubqueryRef(Select query, String alias) implements From {
    }

    /** A graph pattern ({@code MATCH ...} or {@code SHORTEST PATH ...}) as a FROM element. */
    public record MatchRef(GraphPattern pattern) implements From {
    }

    /** How two FROM elements are joined. */
    public enum JoinKind { INNER, LEFT, CROSS }

    /** {@code left [NATURAL] kind JOIN right [ON on | USING (using)]}; on is null and using empty when absent. */
    public record Join(From left, From right, JoinKind kind, boolean natural, Expr on, List<String> using) implements From {
    }

    /** An ORDER BY term; {@code nullsFirst} null means the default (NULLs first ascending, last descending). */
    public record OrderItem(Expr expr, boolean descending, Boolean nullsFirst) {
    }
}
