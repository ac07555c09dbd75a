package io.hyperspatial.hyperql.source;

/**
 * A CHECK constraint of a table, kept as written.
 *
 * @param name       the name given by {@code CONSTRAINT name CHECK (...)}, or null
 * @param column     the column whose definition declares it, or null for a table constraint;
 *                   dropping that column drops the constraint (as in SQLite)
 * @param expression the expression's text, over the table's columns
 */
public record CheckConstraint(String name, String column, String expression) {
    /** An unnamed table constraint. */
    public static CheckConstraint of(String expression) {
        return new CheckConstraint(null, null, expression);
    }

    /** What SQLite's {@code CHECK constraint failed: ...} names: the constraint's name, else its expression. */
    public String failureName() {
        return name != null ? name : expression;
    }
}
