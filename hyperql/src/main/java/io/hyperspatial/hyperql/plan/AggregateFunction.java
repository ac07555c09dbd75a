package io.hyperspatial.hyperql.plan;

/** The aggregate functions, SQLite's semantics. */
public enum AggregateFunction {
    /** {@code count(*)}: the number of rows. */
    COUNT_STAR,
    /** {@code count(x)}: the number of non-NULL values. */
    COUNT,
    /** Integer sum while every value is an integer or integer text (overflow is an error), real otherwise; NULL when no values. */
    SUM,
    /** Always real; 0.0 when no values. */
    TOTAL,
    /** The real mean; NULL when no values. */
    AVG,
    MIN,
    MAX,
    /** Non-NULL values' text joined by a separator (default {@code ,}). */
    GROUP_CONCAT,
    /** A column used bare in an aggregate query: its value in the group's first row, or where a MIN or MAX moved. */
    ANY_VALUE;

    /** The function an aggregate call by this name means, or null (min/max with one argument only). */
    public static AggregateFunction named(String name, int arguments, boolean star) {
        return switch (name) {
            case "count" -> star ? COUNT_STAR : arguments == 1 ? COUNT : null;
            case "sum" -> arguments == 1 ? SUM : null;
            case "total" -> arguments == 1 ? TOTAL : null;
            case "avg" -> arguments == 1 ? AVG : null;
            case "min" -> arguments == 1 ? MIN : null;
            case "max" -> arguments == 1 ? MAX : null;
            case "group_concat" -> arguments == 1 || arguments == 2 ? GROUP_CONCAT : null;
            default -> null;
        };
    }

    /** True for names that are aggregates with some number of arguments. */
    public static boolean isAggregateName(String name) {
        return switch (name) {
            case "count", "sum", "total", "avg", "group_concat" -> true;
            default -> false;
        };
    }
}
