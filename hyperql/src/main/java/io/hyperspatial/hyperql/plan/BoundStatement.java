package io.hyperspatial.hyperql.plan;

import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.ViewDefinition;

import java.util.List;

/** A statement after analysis: names resolved, plans built. What the optimizer and the engine work on. */
public sealed interface BoundStatement {

    /** A query whose rows are the plan's output. */
    record Query(PlanNode plan) implements BoundStatement {
    }

    /** EXPLAIN of another statement. */
    record Explain(BoundStatement statement) implements BoundStatement {
    }

    /**
     * INSERT: each row of {@code source} fills {@code targetColumns} (positions in the table; the
     * table's column count for its hidden rowid, {@link io.hyperspatial.hyperql.source.Table#keepsRowid()}); the
     * other columns get their defaults ({@code rowDefaults}: per column, the expression evaluated
     * for each row, or null where the default is one value); {@code checks} are the table's CHECK
     * constraints over the new row.
     */
    record Insert(Table table, int[] targetColumns, PlanNode source, TableMutation.OnConflict onConflict,
                  List<Scalar> checks, List<Scalar> rowDefaults) implements BoundStatement {
        /** An insert whose table's defaults are all values. */
        public Insert(Table table, int[] targetColumns, PlanNode source, TableMutation.OnConflict onConflict,
                      List<Scalar> checks) {
            this(table, targetColumns, source, onConflict, checks, java.util.Collections.nCopies(
                    table.schema().columns().size(), null));
        }
    }

    /**
     * UPDATE: {@code rows} yields the rows to change with their row id as the last column; each
     * assigned column's new value is computed from the old row; {@code onConflict} says what a row
     * that collides with a unique key or leaves a NOT NULL column NULL does; {@code checks} are the
     * table's CHECK constraints over the new row; {@code rowDefaults} as for {@link Insert} (an
     * UPDATE OR REPLACE fills a NOT NULL column left NULL with its default).
     */
    record Update(Table table, PlanNode rows, int[] columns, List<Scalar> values, TableMutation.OnConflict onConflict,
                  List<Scalar> checks, List<Scalar> rowDefaults) implements BoundStatement {
    }

    /** DELETE: {@code rows} yields the rows to delete with their row id as the last column. */
    record Delete(Table table, PlanNode rows) implements BoundStatement {
    }

    /**
     * An INSERT, UPDATE or DELETE ({@code write}) of a table that has triggers for it: runs row by
     * row, each row's BEFORE triggers, its change, then its AFTER triggers, all as one atomic write.
     */
    record Triggered(BoundStatement write, List<BoundTrigger> triggers) implements BoundStatement {
        public Triggered {
            triggers = List.copyOf(triggers);
        }
    }

    /** CREATE TRIGGER, checked: its table exists and its body analyzes. */
    record CreateTrigger(io.hyperspatial.hyperql.source.TriggerDefinition trigger, boolean ifNotExists)
            implements BoundStatement {
    }

    /** CREATE TABLE, from columns or from a query's result ({@code asSelect} non-null). */
    record CreateTable(TableSchema schema, boolean ifNotExists, PlanNode asSelect) implements BoundStatement {
    }

    /** CREATE INDEX. */
    record CreateIndex(IndexDefinition index, boolean ifNotExists) implements BoundStatement {
    }

    /** CREATE VIEW. */
    record CreateView(ViewDefinition view, boolean ifNotExists) implements BoundStatement {
    }

    /** DROP TABLE, INDEX, VIEW or TRIGGER. */
    record Drop(io.hyperspatial.hyperql.ast.Statement.ObjectKind kind, String name, boolean ifExists)
            implements BoundStatement {
    }

    /** ALTER TABLE ... ADD COLUMN: the table as its schema spells it, and the new last column. */
    /** {@code ALTER TABLE ... RENAME} or {@code DROP COLUMN}, checked. */
    record AlterTable(io.hyperspatial.hyperql.source.TableAlteration alteration) implements BoundStatement {
    }

    /** {@code REINDEX [name]}: a name checked to exist (null: everything); nothing to rebuild. */
    record Reindex(String name) implements BoundStatement {
    }

    record AddColumn(String table, io.hyperspatial.hyperql.source.ColumnSchema column) implements BoundStatement {
    }

    /**
     * ALTER TABLE ... ALTER COLUMN ... SET (...) for a source that keeps vector indexes: the
     * table and column as their schema spells them.
     */
    record AlterVectorIndex(io.hyperspatial.hyperql.source.VectorIndexes indexes, String table, String column,
                            java.util.Map<String, Object> options) implements BoundStatement {
    }

    /** CREATE EDGE TYPE in the source's graph. */
    record CreateEdgeType(io.hyperspatial.hyperql.source.Graph graph, String name, boolean ifNotExists) implements BoundStatement {
    }

    /** DROP EDGE TYPE from the source's graph. */
    record DropEdgeType(io.hyperspatial.hyperql.source.Graph graph, String name, boolean ifExists) implements BoundStatement {
    }

    /**
     * INSERT EDGE or DELETE EDGE: each row of {@code ends} is (the {@code fromKey} column value of a
     * {@code from} row, the {@code toKey} value of a {@code to} row [, weight]).
     */
    record EdgeWrite(boolean delete, io.hyperspatial.hyperql.source.Graph graph, String type, Table from, int fromKey,
                     Table to, int toKey, PlanNode ends) implements BoundStatement {
    }

    /** A {@link io.hyperspatial.hyperql.ast.Statement.Reposition} for a source that can carry it out. */
    record Reposition(io.hyperspatial.hyperql.source.Repositioner repositioner,
                      io.hyperspatial.hyperql.source.Repositioner.Request request) implements BoundStatement {
    }
}
