package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.TableAlteration;
import io.hyperspatial.hyperql.source.TableSchema;
import io.hyperspatial.manifold.Transaction;
import io.hyperspatial.manifold.table.EntityScan;
import io.hyperspatial.manifold.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What ALTER TABLE ... RENAME and DROP COLUMN (checked by the engine) do to a collection. Manifold
 * names entity types and properties for good (the API, the change feed and exports use the names),
 * so a rename is the SQL catalog's: the table keeps its rows in the same entity type and the column
 * its values in the same property or vector field, and {@link SqlCatalog.StorageNames} records the
 * mapping. Dropping a column removes its values from every row of the table in the same commit as
 * the catalog change; the property itself stays declared on the entity type, unused (a later ADD
 * COLUMN of that name gets a fresh property). Stateless.
 */
final class CollectionAlterations {
    private CollectionAlterations() {
    }

    /** The catalog after the change, and the writes that go with it in the same commit. */
    record Plan(SqlCatalog catalog, Consumer<Transaction> work) {
    }

    static Plan plan(TableLayout layout, SqlCatalog catalog, TableAlteration alteration) {
        String type = layout.entityType().name();
        String table = layout.schema().name();
        SqlCatalog.StorageNames names = catalog.storageOf(table, type);
        TableSchema after = TableSchemas.stored(alteration.after());
        return switch (alteration) {
            case TableAlteration.RenameTable r -> new Plan(catalog.withoutTable(table, Set.of()).withTable(after, names),
                    tx -> {
                    });
            case TableAlteration.RenameColumn r -> {
                String stored = storedName(layout, r.index(), "renamed");
                String old = layout.schema().columns().get(r.index()).name();
                yield new Plan(catalog.withTable(after, names.without(old).withColumn(after.columns().get(r.index()).name(),
                        stored)), tx -> {
                });
            }
            case TableAlteration.DropColumn d -> {
                String stored = storedName(layout, d.index(), "dropped");
                boolean vector = layout.columns().get(d.index()) instanceof ColumnBinding.Vector;
                String old = layout.schema().columns().get(d.index()).name();
                yield new Plan(catalog.withTable(after, names.without(old)), tx -> {
                    for (UUID id : entities(tx, type)) {
                        if (vector) {
                            tx.removeVector(id, stored);
                        } else {
                            tx.patchProperties(id, Map.of(stored, Value.NULL));
                        }
                    }
                });
            }
        };
    }

    /** The ids of every entity of the type, read in the transaction. */
    static List<UUID> entities(Transaction tx, String type) {
        List<UUID> ids = new ArrayList<>();
        try (EntityScan scan = tx.entities().scan(type)) {
            while (scan.next()) {
                ids.add(scan.id());
            }
        }
        return ids;
    }

    /** The property or vector field holding a column that may be renamed or dropped (not the key). */
    private static String storedName(TableLayout layout, int column, String verb) {
        return switch (layout.columns().get(column)) {
            case ColumnBinding.Property p -> p.def().name();
            case ColumnBinding.Vector v -> v.field();
            case ColumnBinding.Key k -> throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "column "
                    + layout.columnName(column) + " holds the entity key of a collection's rows and cannot be " + verb);
            case ColumnBinding.Position p -> throw new HqlExecutionException(ErrorCode.HQL_UNSUPPORTED, "column "
                    + layout.columnName(column) + " is computed by the collection and cannot be " + verb);
        };
    }
}
