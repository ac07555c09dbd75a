package io.hyperspatial.hyperql.engine;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.exec.Casts;
import io.hyperspatial.hyperql.function.HyperbolicDistance;
import io.hyperspatial.hyperql.value.Affinity;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.Truth;
import io.hyperspatial.hyperql.value.Vector;
import io.hyperspatial.hyperql.exec.Evaluator;
import io.hyperspatial.hyperql.exec.Executor;
import io.hyperspatial.hyperql.exec.Frame;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.Applied;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.source.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs INSERT, UPDATE and DELETE: reads every affected row first, computes the new rows (converted
 * to the columns' affinities; vectors checked against their declared dimensions), then hands the
 * whole list to the table to apply atomically. So a statement never sees its own changes, and a
 * failure leaves the table as it was.
 */
final class Mutations {
    private Mutations() {
    }

    /** One row a write changes: its values before (null for an insert; the row id last) and the change. */
    record RowChange(Object[] old, TableMutation mutation) {
    }

    static long insert(BoundStatement.Insert s, Frame frame) {
        Applied applied = s.table().apply(mutations(insertChanges(s, frame)));
        noteInserted(s.table(), applied, frame);
        return applied.changed();
    }

    static long update(BoundStatement.Update s, Frame frame) {
        return s.table().apply(mutations(updateChanges(s, frame))).changed();
    }

    static long delete(BoundStatement.Delete s, Frame frame) {
        return s.table().apply(mutations(deleteChanges(s, frame))).changed();
    }

    /**
     * The rows an INSERT adds, as the table stores them (defaults filled in, affinities applied;
     * a table that {@linkplain io.hyperspatial.hyperql.source.Table#keepsRowid() keeps a rowid} gets
     * it as a last element, null for the table to fill in).
     */
    static List<RowChange> insertChanges(BoundStatement.Insert s, Frame frame) {
        TableSchema schema = s.table().schema();
        int width = schema.columns().size();
        List<RowChange> changes = new ArrayList<>();
        for (Object[] source : Executor.materialize(s.source(), frame)) {
            Object[] row = new Object[s.table().keepsRowid() ? width + 1 : width];
            for (int i = 0; i < width; i++) {
                row[i] = defaultOf(s.rowDefaults(), schema, i, frame);
            }
            for (int i = 0; i < s.targetColumns().length; i++) {
                row[s.targetColumns()[i]] = source[i];
            }
            for (int i = 0; i < width; i++) {
                row[i] = store(schema, i, row[i]);
            }
            if (row.length > width && row[width] != null) {
                row[width] = rowid(schema, row[width]);
            }
            if (notNullResolved(schema, row, s.onConflict(), i -> defaultOf(s.rowDefaults(), schema, i, frame))
                    && checksPass(schema, s.checks(), row, s.onConflict(), frame)) {
                changes.add(new RowChange(null, new TableMutation.Insert(row, s.onConflict())));
            }
        }
        return changes;
    }

    /**
     * The rows an UPDATE changes, each with its new values computed from the old (and the rowid,
     * changed or not, as a last element where the table keeps one).
     */
    static List<RowChange> updateChanges(BoundStatement.Update s, Frame frame) {
        TableSchema schema = s.table().schema();
        int width = schema.columns().size();
        int stored = s.table().keepsRowid() ? width + 1 : width;
        List<RowChange> changes = new ArrayList<>();
        for (Object[] old : Executor.materialize(s.rows(), frame)) {
            Object[] row = new Object[stored];
            System.arraycopy(old, 0, row, 0, stored);
            List<Scalar> values = s.values();
            for (int i = 0; i < values.size(); i++) {
                int column = s.columns()[i];
                Object value = Evaluator.eval(values.get(i), old, frame);
                row[column] = column == width ? rowid(schema, value) : store(schema, column, value);
            }
            if (notNullResolved(schema, row, s.onConflict(), i -> defaultOf(s.rowDefaults(), schema, i, frame))
                    && checksPass(schema, s.checks(), row, s.onConflict(), frame)) {
                changes.add(new RowChange(old, new TableMutation.Update(old[stored], row, s.onConflict())));
            }
        }
        return changes;
    }

    /**
     * SQLite's conflict algorithms for a NOT NULL column left NULL: OR IGNORE leaves the row out
     * (false), OR REPLACE stores the column's default instead when it has one; otherwise (and under
     * OR ABORT) the table rejects the row. A NULL {@code INTEGER PRIMARY KEY} is not a violation:
     * the table gives it the next row id.
     */
    private static boolean notNullResolved(TableSchema schema, Object[] row, TableMutation.OnConflict onConflict,
                                           java.util.function.IntFunction<Object> defaults) {
        if (onConflict == TableMutation.OnConflict.ABORT) {
            return true;
        }
        int rowId = schema.hasIntegerPrimaryKey() ? schema.indexOf(schema.primaryKey().getFirst()) : -1;
        for (int i = 0; i < schema.columns().size(); i++) {
            ColumnSchema c = schema.columns().get(i);
            if (row[i] != null || !c.notNull() || i == rowId) {
                continue;
            }
            if (onConflict == TableMutation.OnConflict.IGNORE) {
                return false;
            }
            row[i] = store(schema, i, defaults.apply(i));
        }
        return true;
    }

    /** The default of column {@code i} for a row the statement writes: its expression evaluated now, or its value. */
    private static Object defaultOf(List<Scalar> rowDefaults, TableSchema schema, int i, Frame frame) {
        Scalar expression = rowDefaults.get(i);
        return expression != null ? Evaluator.eval(expression, new Object[0], frame) : schema.columns().get(i).defaultValue();
    }

    /**
     * Whether the row passes the table's CHECK constraints (a NULL result passes). A row that fails
     * one is left out under OR IGNORE and fails the statement otherwise (OR REPLACE included, as in
     * SQLite).
     */
    private static boolean checksPass(TableSchema schema, List<Scalar> checks, Object[] row,
                                      TableMutation.OnConflict onConflict, Frame frame) {
        for (int i = 0; i < checks.size(); i++) {
            if (Boolean.FALSE.equals(Truth.of(Evaluator.eval(checks.get(i), row, frame)))) {
                if (onConflict == TableMutation.OnConflict.IGNORE) {
                    return false;
                }
                throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "CHECK constraint failed: " + schema.checks().get(i).failureName());
            }
        }
        return true;
    }

    /** The rows a DELETE removes. */
    static List<RowChange> deleteChanges(BoundStatement.Delete s, Frame frame) {
        List<RowChange> changes = new ArrayList<>();
        for (Object[] old : Executor.materialize(s.rows(), frame)) {
            changes.add(new RowChange(old, new TableMutation.Delete(old[old.length - 1])));
        }
        return changes;
    }

    /**
     * After an insert, the session's last inserted row id is the new row's {@code INTEGER PRIMARY
     * KEY}, or its hidden rowid where the table keeps one.
     */
    static void noteInserted(Table table, Applied applied, Frame frame) {
        TableSchema schema = table.schema();
        int column = schema.hasIntegerPrimaryKey() ? schema.indexOf(schema.primaryKey().getFirst())
                : table.keepsRowid() ? schema.columns().size() : -1;
        if (column >= 0 && applied.lastInserted() != null && applied.lastInserted().length > column
                && applied.lastInserted()[column] instanceof Long rowid) {
            frame.session().inserted(rowid);
        }
    }

    private static List<TableMutation> mutations(List<RowChange> changes) {
        List<TableMutation> out = new ArrayList<>(changes.size());
        for (RowChange c : changes) {
            out.add(c.mutation());
        }
        return out;
    }

    /** The value as the column stores it. */
    private static Object store(TableSchema schema, int column, Object value) {
        ColumnSchema c = schema.columns().get(column);
        if (value == null) {
            return null;
        }
        if (c.vector() != null) {
            Vector v;
            try {
                v = (Vector) Casts.cast(value, Scalar.CastTarget.VECTOR, c.vector().dimensions());
            } catch (HqlExecutionException e) {
                throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "column " + schema.name() + "." + c.name()
                        + ": " + e.getMessage());
            }
            String name = "column " + schema.name() + "." + c.name();
            switch (c.vector().metric()) {
                case POINCARE -> HyperbolicDistance.checkPoincare(v, "value", name);
                case LORENTZ -> HyperbolicDistance.checkLorentz(v, "value", name);
                default -> {
                }
            }
            return v;
        }
        Object stored = c.affinity().apply(value);
        if (!(stored instanceof Long) && schema.hasIntegerPrimaryKey() && schema.indexOf(schema.primaryKey().get(0)) == column) {
            // SQLite's rowid alias holds integers only: 'abc', 4.5 or a blob there is an error.
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "datatype mismatch: " + schema.name() + "." + c.name()
                    + " is an INTEGER PRIMARY KEY and takes integers, got '" + TextForm.of(value) + "'");
        }
        return stored;
    }

    /**
     * A value written to a table's hidden rowid, as SQLite takes it: with INTEGER affinity, and
     * then an integer ('7' and 7.0 are 7); anything else, NULL included, is a datatype mismatch.
     */
    private static Long rowid(TableSchema schema, Object value) {
        if (value != null && Affinity.INTEGER.apply(value) instanceof Long rowid) {
            return rowid;
        }
        throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "datatype mismatch: the rowid of " + schema.name()
                + " takes integers, got " + (value == null ? "NULL" : "'" + TextForm.of(value) + "'"));
    }
}
