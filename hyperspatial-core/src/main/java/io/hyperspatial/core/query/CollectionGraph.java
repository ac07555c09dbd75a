package io.hyperspatial.core.query;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.Table;
import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.GraphTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The graph of a {@link CollectionDataSource}: the collection's own edge types and edges. A node is
 * an entity (its id, the tables' row id); adjacency is one prefix scan of manifold's
 * {@code edges_out} or {@code edges_in} family per node and type ({@link GraphTable}), read from the
 * statement's snapshot. Edge writes are one collection write, all or nothing. Weights are stored
 * as 32-bit floats, so a weight reads back rounded to float precision. Edges naming an entity that
 * was not created yet (imports allow it) are followed like any other; the node is a row of no
 * table. Stateless: thread-safe like its source, each read from the snapshot of the statement
 * running on the calling thread.
 */
final class CollectionGraph implements Graph {
    private final CollectionDataSource source;

    CollectionGraph(CollectionDataSource source) {
        this.source = source;
    }

    @Override
    public List<String> edgeTypes() {
        return source.collection().schema().edgeTypes().values().stream()
                .sorted(Comparator.comparingInt(EdgeType::id)).map(EdgeType::name).toList();
    }

    @Override
    public void createEdgeType(String name) {
        if (declared(name) != null) {
            throw new HqlExecutionException(ErrorCode.HQL_DUPLICATE_OBJECT, "edge type " + name + " already exists");
        }
        StorageErrors.run(() -> source.collection().updateSchema(e -> e.edgeType(name)));
        source.wrote();
    }

    @Override
    public void dropEdgeType(String name) {
        String type = declared(name);
        if (type == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such edge type: " + name);
        }
        StorageErrors.run(() -> source.collection().updateSchema(e -> e.dropEdgeType(type)));
        source.wrote();
    }

    @Override
    public Object node(Table table, Object rowId) {
        return rowId;
    }

    @Override
    public Object[] row(Table table, Object node) {
        TableLayout layout = ((CollectionTable) table).layout();
        return StorageErrors.translate(() -> new RowReader(source.view(), layout, null, source::lookups).read((UUID) node));
    }

    @Override
    public List<Adjacent> adjacent(Object node, String type, Direction direction) {
        return StorageErrors.translate(() -> {
            UUID id = (UUID) node;
            GraphTable graph = source.view().graph();
            List<Adjacent> out = new ArrayList<>();
            if (direction != Direction.INCOMING) {
                for (Edge e : type == null ? graph.outgoing(id) : graph.outgoing(id, type)) {
                    out.add(new Adjacent(e.to(), e.type(), e.weight()));
                }
            }
            if (direction != Direction.OUTGOING) {
                for (Edge e : type == null ? graph.incoming(id) : graph.incoming(id, type)) {
                    out.add(new Adjacent(e.from(), e.type(), e.weight()));
                }
            }
            return out;
        });
    }

    @Override
    public long apply(List<EdgeMutation> mutations) {
        for (EdgeMutation m : mutations) {
            if (m instanceof EdgeMutation.Add a && Math.abs(a.weight()) > Float.MAX_VALUE) {
                throw new HqlExecutionException(ErrorCode.HQL_OUT_OF_RANGE, "edge weight " + a.weight()
                        + " does not fit the collection's 32-bit float weights");
            }
        }
        long[] changed = {0};
        StorageErrors.run(() -> source.collection().write(source.durability(), tx -> {
            changed[0] = 0;
            for (EdgeMutation m : mutations) {
                switch (m) {
                    case EdgeMutation.Add a -> {
                        tx.addEdge((UUID) a.from(), a.type(), (UUID) a.to(), (float) a.weight());
                        changed[0]++;
                    }
                    case EdgeMutation.Remove r -> changed[0] += tx.removeEdge((UUID) r.from(), r.type(), (UUID) r.to()) ? 1 : 0;
                }
            }
        }));
        source.wrote();
        return changed[0];
    }

    /** Rows are named by their entity key unless the table declares a single-column primary key. */
    @Override
    public int defaultRowKey(Table table) {
        return ((CollectionTable) table).layout().keyColumn();
    }

    private String declared(String name) {
        return SqlCatalog.declaredName(source.collection().schema().edgeTypes().keySet(), name).orElse(null);
    }
}
