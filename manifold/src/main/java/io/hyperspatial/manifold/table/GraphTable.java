package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.schema.EdgeType;
import io.hyperspatial.manifold.schema.Schema;
import io.hyperspatial.manifold.store.ColumnFamilies;
import io.hyperspatial.manifold.store.Cursor;
import io.hyperspatial.manifold.store.KeyValueReader;
import io.hyperspatial.manifold.store.Keys;
import org.rocksdb.ColumnFamilyHandle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the graph in both directions. Outgoing edges of a vertex (optionally of one type) are one
 * prefix scan of {@code edges_out}; incoming ones one prefix scan of {@code edges_in}. Listing
 * methods return active edges only. Not thread-safe.
 */
public final class GraphTable {
    private final KeyValueReader reader;
    private final Schema schema;
    private final ColumnFamilyHandle out;
    private final ColumnFamilyHandle in;

    public GraphTable(KeyValueReader reader, Schema schema) {
        this.reader = reader;
        this.schema = schema;
        this.out = reader.store().family(ColumnFamilies.EDGES_OUT);
        this.in = reader.store().family(ColumnFamilies.EDGES_IN);
    }

    /** The edge row, active or not. */
    public Optional<Edge> edge(UUID from, String type, UUID to) {
        EdgeType t = schema.edgeType(type);
        byte[] v = reader.get(out, EdgeRecord.key(from, t.id(), to));
        return v == null ? Optional.empty() : Optional.of(toEdge(from, t.name(), to, EdgeRecord.decode(v)));
    }

    /** Active outgoing edges of every type. */
    public List<Edge> outgoing(UUID from) {
        return list(out, Keys.uuid(from), true);
    }

    /** Active outgoing edges of one type. */
    public List<Edge> outgoing(UUID from, String type) {
        return list(out, Keys.uuidInt(from, schema.edgeType(type).id()), true);
    }

    /** Active incoming edges of every type. */
    public List<Edge> incoming(UUID to) {
        return list(in, Keys.uuid(to), false);
    }

    /** Active incoming edges of one type. */
    public List<Edge> incoming(UUID to, String type) {
        return list(in, Keys.uuidInt(to, schema.edgeType(type).id()), false);
    }

    private List<Edge> list(ColumnFamilyHandle family, byte[] prefix, boolean outgoing) {
        List<Edge> edges = new ArrayList<>();
        try (Cursor c = reader.scanPrefix(family, prefix)) {
            while (c.next()) {
                EdgeRecord r = EdgeRecord.decode(c.value());
                if (!r.active()) {
                    continue;
                }
                byte[] k = c.key();
                UUID vertex = Keys.getUuid(k, 0);
                UUID other = EdgeRecord.other(k);
                String type = schema.edgeTypeById(EdgeRecord.typeId(k)).map(EdgeType::name).orElse("#" + EdgeRecord.typeId(k));
                edges.add(outgoing ? toEdge(vertex, type, other, r) : toEdge(other, type, vertex, r));
            }
        }
        return edges;
    }

    private static Edge toEdge(UUID from, String type, UUID to, EdgeRecord r) {
        return new Edge(from, type, to, r.weight(), r.active(), r.createdMillis(), r.deletedMillis());
    }
}
