package io.hyperspatial.hyperql.analyze;

import io.hyperspatial.hyperql.source.AccessPath;
import io.hyperspatial.hyperql.source.AccessRequest;
import io.hyperspatial.hyperql.source.Applied;
import io.hyperspatial.hyperql.source.DataSource;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.IndexDefinition;
import io.hyperspatial.hyperql.source.RowCursor;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.hyperql.source.TableAlteration;
import io.hyperspatial.hyperql.source.TableMutation;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.hyperql.source.TriggerDefinition;
import io.hyperspatial.hyperql.source.ViewDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog of a source as it would be after a {@link TableAlteration}, for analysis only: the
 * altered table shows its new schema under its new name (its old name is gone), everything else
 * is the source's own. It is what views and triggers are analyzed against before the change is
 * made, so that one the change would break is found while nothing has changed yet. Reading rows
 * or changing anything through it is a programming error.
 */
final class AlteredSource implements DataSource {
    private final DataSource source;
    private final TableAlteration alteration;
    private final Table altered;

    AlteredSource(DataSource source, TableAlteration alteration) {
        this.source = source;
        this.alteration = alteration;
        this.altered = new SchemaOnly(alteration.after());
    }

    /** The altered table as the analysis sees it. */
    Table altered() {
        return altered;
    }

    @Override
    public Optional<Table> table(String name) {
        if (key(name).equals(key(alteration.after().name()))) {
            return Optional.of(altered);
        }
        return key(name).equals(key(alteration.table())) ? Optional.empty() : source.table(name);
    }

    @Override
    public Optional<ViewDefinition> view(String name) {
        return source.view(name);
    }

    @Override
    public List<ViewDefinition> views() {
        return source.views();
    }

    @Override
    public List<String> tableNames() {
        List<String> names = new ArrayList<>();
        for (String n : source.tableNames()) {
            names.add(key(n).equals(key(alteration.table())) ? alteration.after().name() : n);
        }
        return names;
    }

    @Override
    public List<TriggerDefinition> triggers(String table) {
        return source.triggers(key(table).equals(key(alteration.after().name())) ? alteration.table() : table);
    }

    @Override
    public Optional<TriggerDefinition> trigger(String name) {
        return source.trigger(name);
    }

    @Override
    public Optional<Graph> graph() {
        return source.graph();
    }

    @Override
    public long schemaVersion() {
        return source.schemaVersion();
    }

    @Override
    public void createTable(TableSchema schema) {
        throw readOnly();
    }

    @Override
    public void dropTable(String name) {
        throw readOnly();
    }

    @Override
    public void createIndex(IndexDefinition index) {
        throw readOnly();
    }

    @Override
    public void dropIndex(String name) {
        throw readOnly();
    }

    @Override
    public void createView(ViewDefinition view) {
        throw readOnly();
    }

    @Override
    public void dropView(String name) {
        throw readOnly();
    }

    private static IllegalStateException readOnly() {
        return new IllegalStateException("the catalog after an ALTER TABLE is only analyzed against");
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A table that has a schema and nothing else: analysis reads no rows. */
    private record SchemaOnly(TableSchema schema) implements Table {
        @Override
        public long rowCount() {
            return 0;
        }

        @Override
        public List<AccessPath> accessPaths() {
            return List.of();
        }

        @Override
        public RowCursor open(AccessRequest request) {
            throw readOnly();
        }

        @Override
        public Applied apply(List<TableMutation> mutations) {
            throw readOnly();
        }
    }
}
