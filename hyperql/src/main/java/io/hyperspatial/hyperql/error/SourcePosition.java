package io.hyperspatial.hyperql.error;

/**
 * A place in a statement's text: 1-based line and 1-based column.
 *
 * @param line   the line, from 1
 * @param column the column, from 1
 */
public record SourcePosition(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
