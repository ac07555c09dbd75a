package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.ast.Statement;
import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlException;
import io.hyperspatial.hyperql.error.HqlSemanticException;
import io.hyperspatial.hyperql.parse.Identifiers;
import io.hyperspatial.hyperql.parse.SqlParser;
import io.hyperspatial.hyperql.plan.BoundStatement;
import io.hyperspatial.hyperql.source.CheckConstraint;
import io.hyperspatial.hyperql.source.ColumnSchema;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableAlteration;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.TriggerDefinition;
import io.hyperspatial.hyperql.source.ViewDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ALTER TABLE ... RENAME TO, RENAME COLUMN and DROP COLUMN, checked with SQLite 3.40's rules and
 * messages before anything changes. SQLite rewrites the views and triggers that name a renamed
 * table or column; HyperQL keeps their text as written and does not rewrite it, so a rename that
 * would leave a view or a trigger naming what is gone is refused (drop it, rename, create it
 * again). CHECK constraints, keys and indexes of the table itself follow a renamed column. Each
 * dependent is checked by analyzing it against the catalog as it would be after the change
 * ({@link AlteredSource}). Not thread-safe: part of one {@link Analyzer}.
 */
final class TableAlterations {
    private final DataSource source;
    private final ExprBinder binder;

    TableAlterations(DataSource source, ExprBinder binder) {
        this.source = source;
        this.binder = binder;
    }

    BoundStatement renameTable(Statement.RenameTable r) {
        Table table = alterable(r.table(), "view " + r.table() + " may not be altered");
        String to = r.newName();
        Analyzer.requireUnreserved(to);
        if (source.table(to).isPresent() || source.view(to).isPresent() || source.index(to).isPresent()) {
            throw semantic(ErrorCode.HQL_DUPLICATE_OBJECT, "there is already another table or index with this name: " + to);
        }
        TableSchema s = table.schema();
        TableAlteration change = new TableAlteration.RenameTable(s.name(),
                new TableSchema(to, s.columns(), s.primaryKey(), s.uniqueKeys(), s.checks(), s.uniqueOnTable()));
        refuseBrokenDependents(change, "cannot rename table " + s.name());
        return new BoundStatement.AlterTable(change);
    }

    BoundStatement renameColumn(Statement.RenameColumn r) {
        Table table = alterable(r.table(), "cannot rename columns of view \"" + r.table() + "\"");
        TableSchema s = table.schema();
        int index = storedColumn(s, r.column(), "renamed");
        ColumnSchema column = s.columns().get(index);
        int taken = s.indexOf(r.newName());
        if (taken >= 0 && taken != index) {
            throw semantic(ErrorCode.HQL_DUPLICATE_OBJECT, "error in table " + s.name() + " after rename: duplicate column name: "
                    + r.newName().toLowerCase(Locale.ROOT));
        }
        String from = column.name();
        String to = r.newName();
        List<ColumnSchema> columns = new ArrayList<>(s.columns());
        columns.set(index, new ColumnSchema(to, column.declaredType(), column.affinity(), column.notNull(),
                column.defaultValue(), column.vector(), false));
        List<List<String>> unique = s.uniqueKeys().stream().map(k -> renamed(k, from, to)).toList();
        List<CheckConstraint> checks = s.checks().stream().map(c -> new CheckConstraint(c.name(),
                c.column() != null && c.column().equalsIgnoreCase(from) ? to : c.column(),
                Identifiers.renameColumn(c.expression(), from, to))).toList();
        TableAlteration change = new TableAlteration.RenameColumn(s.name(), index,
                new TableSchema(s.name(), columns, renamed(s.primaryKey(), from, to), unique, checks,
                        Set.copyOf(renamed(List.copyOf(s.uniqueOnTable()), from, to))));
        refuseBrokenDependents(change, "cannot rename column " + s.name() + "." + from);
        return new BoundStatement.AlterTable(change);
    }

    BoundStatement dropColumn(Statement.DropColumn d) {
        Table table = alterable(d.table(), "cannot drop column from view \"" + d.table() + "\"");
        TableSchema s = table.schema();
        int index = storedColumn(s, d.column(), "dropped");
        String name = s.columns().get(index).name();
        if (s.columns().stream().filter(c -> !c.computed()).count() == 1) {
            throw semantic(ErrorCode.HQL_CONSTRAINT, "cannot drop column \"" + name + "\": no other columns exist");
        }
        if (contains(s.primaryKey(), name)) {
            throw semantic(ErrorCode.HQL_CONSTRAINT, "cannot drop PRIMARY KEY column: \"" + name + "\"");
        }
        String inTable = "error in table " + s.name() + " after drop column: no such column: " + name;
        for (List<String> key : s.uniqueKeys()) {
            if (contains(key, name)) {
                boolean onColumn = key.size() == 1 && !s.uniqueOnTable(name);
                throw semantic(ErrorCode.HQL_CONSTRAINT, onColumn ? "cannot drop UNIQUE column: \"" + name + "\"" : inTable);
            }
        }
        List<ColumnSchema> columns = new ArrayList<>(s.columns());
        columns.remove(index);
        List<CheckConstraint> checks = s.checks().stream()
                .filter(c -> c.column() == null || !c.column().equalsIgnoreCase(name)).toList();
        TableSchema after = new TableSchema(s.name(), columns, s.primaryKey(), s.uniqueKeys(), checks, s.uniqueOnTable());
        try {
            CheckConstraints.bind(after, binder);
        } catch (HqlException e) {
            throw semantic(ErrorCode.HQL_CONSTRAINT, inTable);
        }
        for (IndexDefinition i : source.indexes(s.name())) {
            if (contains(i.columns(), name)) {
                throw semantic(ErrorCode.HQL_CONSTRAINT, "error in index " + i.name() + " after drop column: no such column: "
                        + name);
            }
        }
        TableAlteration change = new TableAlteration.DropColumn(s.name(), index, after);
        brokenDependent(change).ifPresent(broken -> {
            throw semantic(ErrorCode.HQL_CONSTRAINT, "error in " + broken.what() + " after drop column: " + broken.reason());
        });
        return new BoundStatement.AlterTable(change);
    }

    /** A view or trigger that the change would break, and why. */
    private record Broken(String what, String reason) {
    }

    private void refuseBrokenDependents(TableAlteration change, String refused) {
        brokenDependent(change).ifPresent(broken -> {
            throw semantic(ErrorCode.HQL_UNSUPPORTED, refused + ": " + broken.what() + " refers to it (" + broken.reason()
                    + " after the change), and HyperQL does not rewrite views and triggers as SQLite does; drop it,"
                    + " alter the table, then create it again");
        });
    }

    /**
     * The first view or trigger that analyzes now but would not after the change, for want of a
     * table or a column (what SQLite checks); those already broken are not the change's doing.
     */
    private Optional<Broken> brokenDependent(TableAlteration change) {
        AlteredSource after = new AlteredSource(source, change);
        List<ViewDefinition> views = new ArrayList<>(source.views());
        views.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        for (ViewDefinition v : views) {
            Optional<String> reason = failure(() -> new Analyzer(after).analyze(createView(v)));
            if (reason.isPresent() && failure(() -> new Analyzer(source).analyze(createView(v))).isEmpty()) {
                return Optional.of(new Broken("view " + v.name(), reason.get()));
            }
        }
        for (String tableName : source.tableNames()) {
            Table now = source.table(tableName).orElseThrow();
            Table then = key(tableName).equals(key(change.table())) ? after.altered()
                    : after.table(tableName).orElseThrow();
            for (TriggerDefinition t : source.triggers(tableName)) {
                Optional<String> reason = failure(() -> new Triggers(after, java.util.Set.of()).check(t, then));
                if (reason.isPresent() && failure(() -> new Triggers(source, java.util.Set.of()).check(t, now)).isEmpty()) {
                    return Optional.of(new Broken("trigger " + t.name(), reason.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Statement.CreateView createView(ViewDefinition v) {
        Statement parsed = SqlParser.parseStatement(v.selectText());
        if (!(parsed instanceof Statement.Query q)) {
            throw new HqlSemanticException(ErrorCode.HQL_UNKNOWN_TABLE, "view " + v.name() + " is not a query", null);
        }
        return new Statement.CreateView(v.name(), v.columnNames(), q.select(), v.selectText(), false);
    }

    /** Why the analysis fails for want of a table or column, or empty when it does not. */
    private static Optional<String> failure(Runnable analysis) {
        try {
            analysis.run();
            return Optional.empty();
        } catch (HqlException e) {
            if (e.code() != ErrorCode.HQL_UNKNOWN_COLUMN && e.code() != ErrorCode.HQL_UNKNOWN_TABLE) {
                return Optional.empty();
            }
            String message = e.getMessage();
            String at = e.position() == null ? "" : " at " + e.position();
            return Optional.of(message.endsWith(at) ? message.substring(0, message.length() - at.length()) : message);
        }
    }

    /** The table to alter: a table of the source, not a view. */
    private Table alterable(String name, String ifView) {
        return source.table(name).orElseThrow(() -> source.view(name).isPresent()
                ? semantic(ErrorCode.HQL_UNSUPPORTED, ifView) : semantic(ErrorCode.HQL_UNKNOWN_TABLE, "no such table: " + name));
    }

    /** The position of a stored column of the table (not one the source computes). */
    private static int storedColumn(TableSchema s, String column, String verb) {
        int index = s.indexOf(column);
        if (index < 0) {
            throw semantic(ErrorCode.HQL_UNKNOWN_COLUMN, "no such column: \"" + column + "\"");
        }
        if (s.columns().get(index).computed()) {
            throw semantic(ErrorCode.HQL_UNSUPPORTED, "column " + s.name() + "." + s.columns().get(index).name()
                    + " is computed by the data source and cannot be " + verb);
        }
        return index;
    }

    private static List<String> renamed(List<String> columns, String from, String to) {
        return columns.stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList();
    }

    private static boolean contains(List<String> columns, String column) {
        return columns.stream().anyMatch(c -> c.equalsIgnoreCase(column));
    }

    private static HqlSemanticException semantic(ErrorCode code, String message) {
        return new HqlSemanticException(code, message, null);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
