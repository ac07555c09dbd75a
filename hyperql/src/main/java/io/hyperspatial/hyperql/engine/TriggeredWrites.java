package io.hyperspatial.hyperql.engine;

import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.exec.Evaluator;
import io.hyperspatial.hyperql.exec.Executor;
import io.hyperspatial.hyperql.exec.Frame;
import io.hyperspatial.hyperql.exec.RowStream;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.plan.BoundTrigger;
import io.hyperspatial.hyperql.plan.SessionFunction;
import io.hyperspatial.hyperql.source.Applied;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Savepoint;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.value.Truth;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs an INSERT, UPDATE or DELETE that fires row triggers, as SQLite does: the rows to change are
 * read first (so the statement's WHERE and SET see the table as it was), then row by row the
 * matching BEFORE triggers run, the row changes, and the AFTER triggers run (not when the change
 * did nothing: an INSERT OR IGNORE that collided, a row a BEFORE trigger deleted). A trigger's
 * WHEN and body read the row as {@code NEW} and {@code OLD}; its body's own writes fire the
 * triggers not already running. The whole statement is taken under one {@link Savepoint}: if any
 * row or trigger fails, nothing of it stays. Stateless.
 */
final class TriggeredWrites {
    private TriggeredWrites() {
    }

    /** Runs the statement under a savepoint of the source; returns the rows the statement itself changed. */
    static long run(BoundStatement.Triggered t, DataSource source, Frame frame) {
        Savepoint savepoint = source.savepoint();
        long changed;
        try {
            changed = fire(t, frame);
        } catch (RuntimeException | Error e) {
            savepoint.rollback();
            throw e;
        }
        savepoint.release();
        return changed;
    }

    private static long fire(BoundStatement.Triggered t, Frame frame) {
        Table table;
        List<Mutations.RowChange> changes;
        List<BoundTrigger> triggers = t.triggers();
        switch (t.write()) {
            case BoundStatement.Insert i -> {
                table = i.table();
                changes = Mutations.insertChanges(i, frame);
            }
            case BoundStatement.Update u -> {
                table = u.table();
                changes = Mutations.updateChanges(u, frame);
                triggers = triggers.stream().filter(g -> g.firesOnUpdateOf(u.columns())).toList();
            }
            case BoundStatement.Delete d -> {
                table = d.table();
                changes = Mutations.deleteChanges(d, frame);
            }
            default -> throw new IllegalStateException("only INSERT, UPDATE and DELETE fire triggers");
        }
        int width = table.schema().columns().size();
        long changed = 0;
        for (Mutations.RowChange c : changes) {
            Object[] row = triggerRow(newValues(c.mutation()), c.old(), width);
            fireAll(triggers, Statement.TriggerTiming.BEFORE, row, frame);
            Applied applied = table.apply(List.of(c.mutation()));
            if (applied.changed() == 0) {
                continue;
            }
            changed += applied.changed();
            if (c.mutation() instanceof TableMutation.Insert) {
                Mutations.noteInserted(table, applied, frame);
                row = triggerRow(applied.lastInserted(), null, width);
            }
            fireAll(triggers, Statement.TriggerTiming.AFTER, row, frame);
        }
        return changed;
    }

    private static Object[] newValues(TableMutation m) {
        return switch (m) {
            case TableMutation.Insert i -> i.row();
            case TableMutation.Update u -> u.row();
            case TableMutation.Delete d -> null;
        };
    }

    /** NEW's columns then OLD's, NULL where the event has no such row. */
    private static Object[] triggerRow(Object[] newRow, Object[] oldRow, int width) {
        Object[] row = new Object[2 * width];
        if (newRow != null) {
            System.arraycopy(newRow, 0, row, 0, width);
        }
        if (oldRow != null) {
            System.arraycopy(oldRow, 0, row, width, width);
        }
        return row;
    }

    /**
     * Runs the triggers of one timing for a row. As in SQLite, the rows their bodies insert set
     * {@code last_insert_rowid()} only while they run: afterwards it is what it was before.
     */
    private static void fireAll(List<BoundTrigger> triggers, Statement.TriggerTiming timing, Object[] row, Frame frame) {
        long lastInserted = frame.session().value(SessionFunction.LAST_INSERT_ROWID);
        try {
            for (BoundTrigger g : triggers) {
                if (g.timing() != timing) {
                    continue;
                }
                Frame body = Frame.triggerRow(row, frame);
                if (g.when() != null && !Truth.isTrue(Evaluator.eval(g.when(), new Object[0], body))) {
                    continue;
                }
                for (BoundStatement s : g.body()) {
                    run(s, body);
                }
            }
        } finally {
            frame.session().inserted(lastInserted);
        }
    }

    private static void run(BoundStatement s, Frame frame) {
        switch (s) {
            case BoundStatement.Query q -> {
                RowStream rows = Executor.open(q.plan(), frame);
                while (rows.next() != null) {
                    // a SELECT in a trigger runs for its effects; its rows go nowhere
                }
            }
            case BoundStatement.Insert i -> Mutations.insert(i, frame);
            case BoundStatement.Update u -> Mutations.update(u, frame);
            case BoundStatement.Delete d -> Mutations.delete(d, frame);
            case BoundStatement.Triggered t -> fire(t, frame);
            default -> throw new IllegalStateException("a trigger body holds only INSERT, UPDATE, DELETE and SELECT");
        }
    }

    /** The lines EXPLAIN shows for the triggers a write fires. */
    static List<String> explain(BoundStatement.Triggered t) {
        List<String> lines = new ArrayList<>();
        for (BoundTrigger g : t.triggers()) {
            lines.add("Fires trigger " + g.name() + " (" + g.timing() + ", " + g.body().size() + " statements)");
        }
        return lines;
    }
}
