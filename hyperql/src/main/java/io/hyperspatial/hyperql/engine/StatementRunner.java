package io.hyperspatial.hyperql.engine;

import io.hyperspatial.hyperql.StatementControl;
import io.hyperspatial.hyperql.StatementResult;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.exec.Executor;
import io.hyperspatial.hyperql.exec.Frame;
import io.hyperspatial.hyperql.exec.RowStream;
import io.hyperspatial.hyperql.exec.SessionState;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.PlanPrinter;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.Repositioner;
import io.hyperspatial.hyperql.source.TableAlteration;
import io.hyperspatial.hyperql.source.TableMutation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Runs an analyzed, optimized statement against a data source. Stateless. */
public final class StatementRunner {
    private StatementRunner() {
    }

    /**
     * Runs the statement of {@code session} with the parameter values (already converted, one per
     * slot), stopped by {@code control} (null: nothing stops it) at any checkpoint before its writes
     * are applied. An INSERT, UPDATE or DELETE sets the session's {@code changes()}: the rows it
     * changed, 0 when it fails while running.
     */
    public static StatementResult run(BoundStatement s, DataSource source, Object[] parameters, StatementControl control,
                                      SessionState session) {
        if (control != null) {
            control.check();
        }
        Frame frame = Frame.root(parameters, control, session);
        return switch (s) {
            case BoundStatement.Query q -> rows(q, frame);
            case BoundStatement.Explain e -> explain(e.statement());
            case BoundStatement.Insert i -> changed(() -> Mutations.insert(i, frame), session);
            case BoundStatement.Update u -> changed(() -> Mutations.update(u, frame), session);
            case BoundStatement.Delete d -> changed(() -> Mutations.delete(d, frame), session);
            case BoundStatement.Triggered t -> changed(() -> TriggeredWrites.run(t, source, frame), session);
            case BoundStatement.CreateTrigger c -> {
                if (c.ifNotExists() && source.trigger(c.trigger().name()).isPresent()) {
                    yield new StatementResult.SchemaChange("trigger " + c.trigger().name() + " already exists");
                }
                source.createTrigger(c.trigger());
                yield new StatementResult.SchemaChange("created trigger " + c.trigger().name());
            }
            case BoundStatement.CreateTable c -> createTable(c, source, frame);
            case BoundStatement.CreateIndex c -> {
                if (c.ifNotExists() && exists(() -> source.createIndex(c.index()), ErrorCode.HQL_DUPLICATE_OBJECT)) {
                    yield new StatementResult.SchemaChange("index " + c.index().name() + " already exists");
                }
                if (!c.ifNotExists()) {
                    source.createIndex(c.index());
                }
                yield new StatementResult.SchemaChange("created index " + c.index().name());
            }
            case BoundStatement.CreateView v -> {
                if (v.ifNotExists() && (source.view(v.view().name()).isPresent() || source.table(v.view().name()).isPresent())) {
                    yield new StatementResult.SchemaChange("view " + v.view().name() + " already exists");
                }
                source.createView(v.view());
                yield new StatementResult.SchemaChange("created view " + v.view().name());
            }
            case BoundStatement.Drop d -> drop(d, source);
            case BoundStatement.AlterVectorIndex a -> alterVectorIndex(a);
            case BoundStatement.AddColumn a -> {
                source.addColumn(a.table(), a.column());
                yield new StatementResult.SchemaChange("added column " + a.table() + "." + a.column().name());
            }
            case BoundStatement.AlterTable a -> alterTable(a.alteration(), source);
            case BoundStatement.Reindex r -> new StatementResult.SchemaChange(r.name() == null ? "reindexed"
                    : "reindexed " + r.name());
            case BoundStatement.CreateEdgeType c -> EdgeWrites.createType(c);
            case BoundStatement.DropEdgeType d -> EdgeWrites.dropType(d);
            case BoundStatement.EdgeWrite w -> new StatementResult.Count(EdgeWrites.apply(w, frame));
            case BoundStatement.Reposition r -> reposition(r, control);
        };
    }

    /** Applies the change, reported with the names it had before. */
    private static StatementResult alterTable(TableAlteration a, DataSource source) {
        List<io.hyperspatial.hyperql.source.ColumnSchema> before = source.table(a.table()).orElseThrow().schema().columns();
        String message = switch (a) {
            case TableAlteration.RenameTable r -> "renamed table " + r.table() + " to " + r.after().name();
            case TableAlteration.RenameColumn r -> "renamed column " + r.table() + "." + before.get(r.index()).name() + " to "
                    + r.after().columns().get(r.index()).name();
            case TableAlteration.DropColumn d -> "dropped column " + d.table() + "." + before.get(d.index()).name();
        };
        source.alterTable(a);
        return new StatementResult.SchemaChange(message);
    }

    /** Changes the settings and reports all of them as they now are: {@code m=32 ef_construction=200 ...}. */
    private static StatementResult alterVectorIndex(BoundStatement.AlterVectorIndex a) {
        StringBuilder settings = new StringBuilder();
        a.indexes().change(a.table(), a.column(), a.options()).forEach((name, value) ->
                settings.append(settings.isEmpty() ? "" : " ").append(name).append('=').append(value));
        return new StatementResult.SchemaChange("changed the index of " + a.table() + "." + a.column() + ": " + settings);
    }

    /** Runs a write and sets the session's {@code changes()}: its rows, or 0 when it fails (as SQLite). */
    private static StatementResult changed(java.util.function.LongSupplier write, SessionState session) {
        long rows;
        try {
            rows = write.getAsLong();
        } catch (RuntimeException e) {
            session.changed(0);
            throw e;
        }
        session.changed(rows);
        return new StatementResult.Count(rows);
    }

    /** Runs REPOSITION, stoppable by the statement's control until it writes, and reports its outcome as one row. */
    private static StatementResult reposition(BoundStatement.Reposition r, StatementControl control) {
        Repositioner.Outcome o = r.repositioner().reposition(r.request(), control == null ? () -> { } : control::check);
        return new StatementResult.Rows(List.of("kind", "dimensions", "entities", "closure_pairs", "millis"),
                List.of(List.of(o.kind().name().toLowerCase(java.util.Locale.ROOT), (long) o.dimensions(), o.entities(),
                        o.closurePairs(), o.millis())));
    }

    private static StatementResult rows(BoundStatement.Query q, Frame frame) {
        List<ColumnInfo> columns = q.plan().columns();
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnInfo c : columns) {
            names.add(c.name());
        }
        List<List<Object>> rows = new ArrayList<>();
        RowStream stream = Executor.open(q.plan(), frame);
        for (Object[] r = stream.next(); r != null; r = stream.next()) {
            rows.add(Arrays.asList(r));
        }
        return new StatementResult.Rows(Collections.unmodifiableList(names), rows);
    }

    private static StatementResult explain(BoundStatement s) {
        List<List<Object>> rows = new ArrayList<>();
        for (String line : explainLines(s)) {
            rows.add(List.of(line));
        }
        return new StatementResult.Rows(List.of("plan"), rows);
    }

    private static List<String> explainLines(BoundStatement s) {
        return switch (s) {
            case BoundStatement.Query q -> PlanPrinter.lines(q.plan());
            case BoundStatement.Insert i -> prefixed("Insert into " + i.table().schema().name(), PlanPrinter.lines(i.source()));
            case BoundStatement.Update u -> prefixed("Update " + u.table().schema().name(), PlanPrinter.lines(u.rows()));
            case BoundStatement.Delete d -> prefixed("Delete from " + d.table().schema().name(), PlanPrinter.lines(d.rows()));
            case BoundStatement.Triggered t -> {
                List<String> out = new ArrayList<>(explainLines(t.write()));
                out.addAll(TriggeredWrites.explain(t));
                yield out;
            }
            case BoundStatement.EdgeWrite w -> prefixed((w.delete() ? "Delete edges " : "Insert edges ") + w.type() + " from "
                    + w.from().schema().name() + " to " + w.to().schema().name(), PlanPrinter.lines(w.ends()));
            default -> List.of(s.getClass().getSimpleName() + " (no plan)");
        };
    }

    private static List<String> prefixed(String head, List<String> lines) {
        List<String> out = new ArrayList<>();
        out.add(head);
        for (String l : lines) {
            out.add("  " + l);
        }
        return out;
    }

    private static StatementResult createTable(BoundStatement.CreateTable c, DataSource source, Frame frame) {
        String name = c.schema().name();
        if (source.table(name).isPresent() || source.view(name).isPresent()) {
            if (c.ifNotExists()) {
                return new StatementResult.SchemaChange("table " + name + " already exists");
            }
        }
        source.createTable(c.schema());
        if (c.asSelect() != null) {
            int[] all = new int[c.schema().columns().size()];
            Arrays.setAll(all, i -> i);
            try {
                Mutations.insert(new BoundStatement.Insert(source.table(name).orElseThrow(), all, c.asSelect(),
                        TableMutation.OnConflict.ABORT, List.of()), frame);
            } catch (RuntimeException e) {
                source.dropTable(name);
                throw e;
            }
        }
        return new StatementResult.SchemaChange("created table " + name);
    }

    private static StatementResult drop(BoundStatement.Drop d, DataSource source) {
        String what = d.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + d.name();
        boolean exists = switch (d.kind()) {
            case TABLE -> source.table(d.name()).isPresent();
            case VIEW -> source.view(d.name()).isPresent();
            case TRIGGER -> source.trigger(d.name()).isPresent();
            case INDEX -> source.index(d.name()).isPresent();
        };
        if (!exists && d.ifExists()) {
            return new StatementResult.SchemaChange("no " + what + " to drop");
        }
        if (d.kind() == Statement.ObjectKind.INDEX && source.index(d.name()).map(IndexDefinition::implied).orElse(false)) {
            throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT,
                    "index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
        }
        switch (d.kind()) {
            case TABLE -> source.dropTable(d.name());
            case VIEW -> source.dropView(d.name());
            case TRIGGER -> source.dropTrigger(d.name());
            case INDEX -> source.dropIndex(d.name());
        }
        return new StatementResult.SchemaChange("dropped " + what);
    }

    /** Runs the action; true when it failed with the given code (the object was there / missing), false when it succeeded. */
    private static boolean exists(Runnable action, ErrorCode code) {
        try {
            action.run();
            return false;
        } catch (HqlException e) {
            if (e.code() == code) {
                return true;
            }
            throw e;
        }
    }
}
