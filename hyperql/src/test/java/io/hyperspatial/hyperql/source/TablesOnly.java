package io.hyperspatial.hyperql.source;

import java.util.List;
import java.util.Optional;

/**
 * A source offering only the tables, indexes and views of another (no graph, no repositioner), for
 * tests of what the engine does when a capability is missing; subclasses add the capability
 * under test.
 */
public class TablesOnly implements DataSource {
    private final DataSource inner;

    public TablesOnly(DataSource inner) {
        this.inner = inner;
    }

    @Override
    public Optional<Table> table(String name) {
        return inner.table(name);
    }

    @Override
    public Optional<ViewDefinition> view(String name) {
        return inner.view(name);
    }

    @Override
    public List<String> tableNames() {
        return inner.tableNames();
    }

    @Override
    public long schemaVersion() {
        return inner.schemaVersion();
    }

    @Override
    public void createTable(TableSchema schema) {
        inner.createTable(schema);
    }

    @Override
    public void dropTable(String name) {
        inner.dropTable(name);
    }

    @Override
    public void createIndex(IndexDefinition index) {
        inner.createIndex(index);
    }

    @Override
    public void dropIndex(String name) {
        inner.dropIndex(name);
    }

    @Override
    public void createView(ViewDefinition view) {
        inner.createView(view);
    }

    @Override
    public void dropView(String name) {
        inner.dropView(name);
    }
}
