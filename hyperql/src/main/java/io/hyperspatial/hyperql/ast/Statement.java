package io.hyperspatial.hyperql.ast;

import java.util.List;

/** One HyperQL statement as written. */
public sealed interface Statement {

    /** {@code EXPLAIN statement}: shows the optimized plan instead of running it. */
    record Explain(Statement statement) implements Statement {
    }

    /** A query. */
    record Query(Select select) implements Statement {
    }

    /**
     * {@code CREATE TABLE}; either columns (with table-level keys) or {@code asSelect}.
     *
     * @param primaryKey the table-level PRIMARY KEY columns, empty when none or declared on a column
     * @param uniqueKeys the table-level UNIQUE column lists
     */
    record CreateTable(String name, boolean ifNotExists, List<ColumnDef> columns, List<String> primaryKey,
                       List<List<String>> uniqueKeys, Select asSelect, List<Check> checks) implements Statement {
        /** A CREATE TABLE without CHECK constraints. */
        public CreateTable(String name, boolean ifNotExists, List<ColumnDef> columns, List<String> primaryKey,
                           List<List<String>> uniqueKeys, Select asSelect) {
            this(name, ifNotExists, columns, primaryKey, uniqueKeys, asSelect, List.of());
        }
    }

    /** {@code ALTER TABLE table ADD [COLUMN] column}, with the CHECK constraints the column declares. */
    record AddColumn(String table, ColumnDef column, List<Check> checks,
                     io.hyperspatial.hyperql.error.SourcePosition position) implements Statement {
    }

    /**
     * {@code [CONSTRAINT name] CHECK (expr)} of a column or of the table: the expression and its text
     * as written; {@code name} null when not given, {@code column} null for a table constraint.
     */
    record Check(String name, String column, Expr expr, String text, io.hyperspatial.hyperql.error.SourcePosition position) {
    }

    /** {@code ALTER TABLE table RENAME TO newName}. */
    record RenameTable(String table, String newName) implements Statement {
    }

    /** {@code ALTER TABLE table RENAME [COLUMN] column TO newName}. */
    record RenameColumn(String table, String column, String newName) implements Statement {
    }

    /** {@code ALTER TABLE table DROP [COLUMN] column}. */
    record DropColumn(String table, String column) implements Statement {
    }

    /** {@code REINDEX [name]}: {@code name} (a table, an index or a collation) null for all. */
    record Reindex(String name) implements Statement {
    }

    /** A column of CREATE TABLE; {@code defaultValue} may be null, {@code defaultText} is its text as written. */
    record ColumnDef(String name, TypeName type, boolean notNull, boolean primaryKey, boolean unique, Expr defaultValue,
                     String defaultText) {
    }

    /** {@code CREATE [UNIQUE] INDEX name ON table (columns)}. */
    record CreateIndex(String name, String table, List<String> columns, boolean unique, boolean ifNotExists)
            implements Statement {
    }

    /**
     * {@code CREATE VIEW name [(columns)] AS select}; {@code columnNames} empty when not given,
     * {@code selectText} the query as written (what the data source stores).
     */
    record CreateView(String name, List<String> columnNames, Select select, String selectText, boolean ifNotExists)
            implements Statement {
    }

    /** When a trigger runs: before or after the row changes. */
    enum TriggerTiming { BEFORE, AFTER }

    /** The change a trigger runs on. */
    enum TriggerEvent { INSERT, UPDATE, DELETE }

    /**
     * {@code CREATE TRIGGER [IF NOT EXISTS] name {BEFORE|AFTER} {INSERT|UPDATE [OF columns]|DELETE} ON table
     * [FOR EACH ROW] [WHEN when] BEGIN body; ... END}: a row trigger. {@code columns} is empty unless
     * {@code UPDATE OF} names some; {@code when} may be null; {@code text} is the statement as written
     * (what the data source stores); {@code position} is where the statement starts.
     */
    record CreateTrigger(String name, boolean ifNotExists, TriggerTiming timing, TriggerEvent event, List<String> columns,
                         String table, Expr when, List<Statement> body, String text,
                         io.hyperspatial.hyperql.error.SourcePosition position) implements Statement {
    }

    /** What a DROP statement drops. */
    enum ObjectKind { TABLE, INDEX, VIEW, TRIGGER }

    /** {@code DROP TABLE|INDEX|VIEW|TRIGGER [IF EXISTS] name}. */
    record Drop(ObjectKind kind, String name, boolean ifExists) implements Statement {
    }

    /**
     * {@code ALTER TABLE table ALTER [COLUMN] column SET (option = value, ...)}: changes the index
     * settings of a vector column; {@code options} as in {@link TypeName#indexOptions()}, checked
     * by the parser. The positions are those of the table and column names, for errors that name them.
     */
    record AlterVectorIndex(String table, String column, java.util.Map<String, Object> options,
                            io.hyperspatial.hyperql.error.SourcePosition tablePosition,
                            io.hyperspatial.hyperql.error.SourcePosition columnPosition) implements Statement {
        public AlterVectorIndex {
            options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        }
    }

    /** What INSERT or UPDATE does when a row collides with a unique key or leaves a NOT NULL column NULL. */
    enum Conflict { ABORT, REPLACE, IGNORE }

    /**
     * {@code INSERT INTO table [(columns)] select|VALUES|DEFAULT VALUES}; {@code source} null means DEFAULT VALUES,
     * {@code columns} empty means all columns in order.
     */
    record Insert(String table, List<String> columns, Select source, Conflict conflict) implements Statement {
    }

    /** {@code column = value} in UPDATE. */
    record Assignment(String column, Expr value) {
    }

    /** {@code UPDATE [OR conflict] table SET assignments [WHERE where]}. */
    record Update(String table, List<Assignment> assignments, Expr where, Conflict conflict) implements Statement {
    }

    /** {@code DELETE FROM table [WHERE where]}. */
    record Delete(String table, Expr where) implements Statement {
    }

    /** {@code CREATE EDGE TYPE [IF NOT EXISTS] name}. */
    record CreateEdgeType(String name, boolean ifNotExists) implements Statement {
    }

    /** {@code DROP EDGE TYPE [IF EXISTS] name}. */
    record DropEdgeType(String name, boolean ifExists) implements Statement {
    }

    /**
     * {@code INSERT EDGE type FROM ... TO ... [WEIGHT w]} or {@code DELETE EDGE type FROM ... TO ...}:
     * each row of {@code ends} is (key of a {@code fromTable} row, key of a {@code toTable} row
     * [, weight]).
     */
    record EdgeWrite(boolean delete, String type, String fromTable, String toTable, Select ends,
                     io.hyperspatial.hyperql.error.SourcePosition position) implements Statement {
    }

    /**
     * {@code REPOSITION [GRAPH | EMBEDDING | PROPERTY] [USING EDGE TYPE t, …] [FROM column]
     * [DIMENSIONS n] [EPOCHS n] [SEED n]}: every row placed again; null parts are the source's choice.
     */
    record Reposition(io.hyperspatial.hyperql.source.Repositioner.Request request,
                      io.hyperspatial.hyperql.error.SourcePosition position) implements Statement {
    }
}
