package io.hyperspatial.manifold;

import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.table.EntityTable;
import io.hyperspatial.manifold.table.GraphTable;
import io.hyperspatial.manifold.table.MeasureTable;
import io.hyperspatial.manifold.table.PositionTable;
import io.hyperspatial.manifold.table.PropertyIndexTable;
import io.hyperspatial.manifold.table.PropertyTable;
import io.hyperspatial.manifold.table.VectorTable;

/**
 * The tables of a collection, read through one consistent view: a {@link ReadView} (a snapshot)
 * or a {@link Transaction} (a snapshot plus its own writes). Not thread-safe.
 */
public abstract sealed class TableReads permits ReadView, Transaction {

    abstract KeyValueReader reader();

    /** The schema this view validates and decodes with. */
    public abstract Schema schema();

    public EntityTable entities() {
        return new EntityTable(reader(), schema());
    }

    public PropertyTable properties() {
        return new PropertyTable(reader(), schema());
    }

    public GraphTable graph() {
        return new GraphTable(reader(), schema());
    }

    public VectorTable vectors() {
        return new VectorTable(reader(), schema());
    }

    public MeasureTable measures() {
        return new MeasureTable(reader(), schema());
    }

    public PropertyIndexTable propertyIndexes() {
        return new PropertyIndexTable(reader(), schema());
    }

    public PositionTable positions() {
        return new PositionTable(reader());
    }
}
