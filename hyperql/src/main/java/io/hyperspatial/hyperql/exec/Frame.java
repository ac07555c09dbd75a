package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.PlanNode;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.plan.StatementClock;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What expressions see besides their own row: the statement's parameter values, the rows of the
 * enclosing queries (for correlated subqueries; index 0 is one level out) and the results of
 * uncorrelated subqueries already computed during this execution, the {@link StatementControl}
 * that may stop it, the {@link SessionState} of the session running it and the statement's
 * {@link StatementClock} (one "now" for the whole statement, its triggers and subqueries). Not thread-safe.
 */
public final class Frame {
    private static final Object[][] NO_ROWS = new Object[0][];

    private final Object[] parameters;
    private final Object[][] outerRows;
    private final Map<Scalar.Subquery, Object> subqueryResults;
    private final StatementControl control;
    private final SessionState session;
    /** The current row of each recursive common table being computed (shared with the frames entered from this one). */
    private final Map<PlanNode.RecursiveTable, Object[]> workingRows;
    private final StatementClock clock;

    private Frame(Object[] parameters, Object[][] outerRows, Map<Scalar.Subquery, Object> subqueryResults,
                  StatementControl control, SessionState session, Map<PlanNode.RecursiveTable, Object[]> workingRows,
                  StatementClock clock) {
        this.parameters = parameters;
        this.outerRows = outerRows;
        this.subqueryResults = subqueryResults;
        this.control = control;
        this.session = session;
        this.workingRows = workingRows;
        this.clock = clock;
    }

    /** The frame of a top-level evaluation that nothing stops, outside any session (constant folding, defaults). */
    public static Frame root(Object[] parameters) {
        return new Frame(parameters, NO_ROWS, new IdentityHashMap<>(), null, new SessionState(), new IdentityHashMap<>(),
                new StatementClock());
    }

    /** The frame of a top-level statement of {@code session} run with these parameter values under {@code control}. */
    public static Frame root(Object[] parameters, StatementControl control, SessionState session) {
        return new Frame(parameters, NO_ROWS, new IdentityHashMap<>(), control, session, new IdentityHashMap<>(),
                new StatementClock());
    }

    /**
     * The frame of a trigger body run for one row that {@code statement}'s write changes: the body
     * reads {@code row} (the table's NEW columns, then its OLD ones) as the row one level out; its
     * uncorrelated subqueries run again for each row.
     */
    public static Frame triggerRow(Object[] row, Frame statement) {
        return new Frame(new Object[0], new Object[][]{row}, new IdentityHashMap<>(), statement.control, statement.session,
                new IdentityHashMap<>(), statement.clock);
    }

    /** Lets the statement's control stop it here (called per row produced and per graph step). */
    void checkpoint() {
        if (control != null) {
            control.checkpoint();
        }
    }

    /**
     * Lets the statement's control stop it now; unlike {@link #checkpoint()}, safe on any thread
     * (the workers of a parallel scan call it every few hundred rows).
     */
    void checkNow() {
        if (control != null) {
            control.check();
        }
    }

    /** The frame of a subquery evaluated for the given row of this frame's query. */
    Frame enter(Object[] row) {
        Object[][] outer = new Object[outerRows.length + 1][];
        outer[0] = row;
        System.arraycopy(outerRows, 0, outer, 1, outerRows.length);
        return new Frame(parameters, outer, subqueryResults, control, session, workingRows, clock);
    }

    /** Makes {@code row} the one row the recursive common table {@code table} holds now. */
    void setWorkingRow(PlanNode.RecursiveTable table, Object[] row) {
        workingRows.put(table, row);
    }

    /** The one row {@code table} holds now, or null outside its recursive step. */
    Object[] workingRow(PlanNode.RecursiveTable table) {
        return workingRows.get(table);
    }

    /** The row {@code depth} levels out (1: the immediately enclosing query). */
    Object[] outer(int depth) {
        return outerRows[depth - 1];
    }

    Object parameter(int index, String label) {
        if (index >= parameters.length) {
            throw new HqlExecutionException(ErrorCode.HQL_PARAMETER, "no value for parameter " + label);
        }
        return parameters[index];
    }

    /** The state of the session running the statement. */
    public SessionState session() {
        return session;
    }

    /** The clock that gives the statement its one "now". */
    public StatementClock clock() {
        return clock;
    }

    Map<Scalar.Subquery, Object> subqueryResults() {
        return subqueryResults;
    }
}
