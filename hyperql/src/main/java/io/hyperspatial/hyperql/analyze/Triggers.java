package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.parse.SqlParser;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.plan.BoundTrigger;
import io.hyperspatial.hyperql.plan.ColumnInfo;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TriggerDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The analysis of row triggers: checks CREATE TRIGGER (its table, its UPDATE OF columns, its WHEN
 * and body against the table's NEW and OLD row) and, for a write of a table, binds the triggers
 * that write fires. As in SQLite with recursive triggers off (its default), a trigger does not fire
 * again from its own body or from a trigger it fired: the chain of triggers running is carried
 * along, so nesting ends after at most as many levels as there are triggers. Not thread-safe: part
 * of one {@link Analyzer}.
 */
final class Triggers {
    private final DataSource source;
    private final Set<String> firing;

    Triggers(DataSource source, Set<String> firing) {
        this.source = source;
        this.firing = firing;
    }

    /** CREATE TRIGGER, checked and ready to store. */
    BoundStatement create(Statement.CreateTrigger t) {
        Table table = source.table(t.table()).orElseThrow(() -> new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE,
                source.view(t.table()).isPresent()
                        ? "cannot create " + t.timing() + " trigger on view: " + t.table() + " (INSTEAD OF triggers are not supported)"
                        : "no such table: " + t.table(), t.position()));
        boolean exists = source.trigger(t.name()).isPresent();
        if (exists && !t.ifNotExists()) {
            throw new HqlSemanticException(ErrorCode.HQL_DUPLICATE_OBJECT, "trigger " + t.name() + " already exists",
                    t.position());
        }
        if (!exists) {
            bind(t, table);
        }
        return new BoundStatement.CreateTrigger(new TriggerDefinition(t.name(), table.schema().name(), t.text()),
                t.ifNotExists());
    }

    /** Binds a stored trigger against {@code table}, failing as CREATE TRIGGER would if it no longer analyzes. */
    void check(TriggerDefinition d, Table table) {
        bind((Statement.CreateTrigger) SqlParser.parseStatement(d.sql()), table);
    }

    /** The write with the triggers it fires, or the write itself when it fires none. */
    BoundStatement wrap(BoundStatement write, Table table, Statement.TriggerEvent event) {
        List<BoundTrigger> bound = new ArrayList<>();
        for (TriggerDefinition d : source.triggers(table.schema().name())) {
            if (firing.contains(key(d.name()))) {
                continue;
            }
            Statement.CreateTrigger t = (Statement.CreateTrigger) SqlParser.parseStatement(d.sql());
            if (t.event() == event) {
                bound.add(bind(t, table));
            }
        }
        return bound.isEmpty() ? write : new BoundStatement.Triggered(write, bound);
    }

    private BoundTrigger bind(Statement.CreateTrigger t, Table table) {
        int[] updateColumns = new int[t.columns().size()];
        for (int i = 0; i < updateColumns.length; i++) {
            updateColumns[i] = table.schema().indexOf(t.columns().get(i));
            if (updateColumns[i] < 0) {
                throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_COLUMN, "table " + table.schema().name()
                        + " has no column named " + t.columns().get(i), t.position());
            }
        }
        Scope row = rowScope(table);
        Set<String> chain = new HashSet<>(firing);
        chain.add(key(t.name()));
        Analyzer body = new Analyzer(source, row, Set.copyOf(chain));
        List<BoundStatement> statements = new ArrayList<>();
        for (Statement s : t.body()) {
            statements.add(body.analyze(s));
        }
        Scalar when = t.when() == null ? null : body.condition(t.when(), new Scope(row), "WHEN");
        if (!body.parameterLabels().isEmpty()) {
            throw new HqlSemanticException(ErrorCode.HQL_PARAMETER, "trigger " + t.name()
                    + " uses a parameter; a trigger's statements cannot take parameters", t.position());
        }
        return new BoundTrigger(t.name(), t.timing(), updateColumns, when, statements);
    }

    /** The row a trigger reads: the table's columns as NEW, then again as OLD, reachable only by those names. */
    private static Scope rowScope(Table table) {
        List<ColumnInfo> columns = FromAnalyzer.scan(table, table.schema().name(), false).columns()
                .subList(0, table.schema().columns().size());
        Scope row = new Scope(null);
        row.addQualifiedOnly("new", columns);
        row.addQualifiedOnly("old", columns);
        return row;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
