package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.ast.Statement;

import java.util.List;

/**
 * A trigger as a write of its table runs it: its body's statements analyzed against a row made of
 * the table's {@code NEW} columns followed by its {@code OLD} columns (NULLs where the event has
 * none), which the body reads as the row one level out. Immutable.
 *
 * @param name          the trigger name
 * @param timing        before or after each row changes
 * @param updateColumns for {@code UPDATE OF}, the positions of the named columns; empty: any UPDATE
 * @param when          the WHEN condition over the same row, or null
 * @param body          the body's statements, in order
 */
public record BoundTrigger(String name, Statement.TriggerTiming timing, int[] updateColumns, Scalar when,
                           List<BoundStatement> body) {
    public BoundTrigger {
        body = List.copyOf(body);
    }

    /** True when an UPDATE that assigns these columns fires this trigger. */
    public boolean firesOnUpdateOf(int[] assigned) {
        if (updateColumns.length == 0) {
            return true;
        }
        for (int c : updateColumns) {
            for (int a : assigned) {
                if (a == c) {
                    return true;
                }
            }
        }
        return false;
    }
}
