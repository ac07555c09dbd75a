package io.hyperspatial.hyperql.source.memory;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.source.Graph;
import io.hyperspatial.hyperql.source.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The graph of an {@link InMemoryDataSource}: per edge type, adjacency maps in both directions
 * (node → other node → weight), so the edges at a node are one map lookup. A node is a row of an
 * {@link InMemoryTable} ({@link MemoryNode}); edges at rows that were deleted, or of tables that
 * were dropped, are not listed (row ids are never reused, so they never come back). Not
 * thread-safe, like its source.
 */
final class InMemoryGraph implements Graph {
    /** A row of a table; the table by identity, so a dropped and re-created table has new nodes. */
    record MemoryNode(InMemoryTable table, long rowId) {
        @Override
        public String toString() {
            return table.schema().name() + "#" + rowId;
        }
    }

    /** The edges of one type, indexed both ways. */
    private record Edges(String name, Map<MemoryNode, Map<MemoryNode, Double>> out,
                         Map<MemoryNode, Map<MemoryNode, Double>> in) {
        Edges(String name) {
            this(name, new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    private final Map<String, Edges> types = new LinkedHashMap<>();
    private final Predicate<MemoryNode> live;
    private final Runnable schemaChanged;

    /**
     * @param live          whether a node's row still exists in a table of the source
     * @param schemaChanged called when an edge type is created or dropped
     */
    InMemoryGraph(Predicate<MemoryNode> live, Runnable schemaChanged) {
        this.live = live;
        this.schemaChanged = schemaChanged;
    }

    @Override
    public List<String> edgeTypes() {
        return types.values().stream().map(Edges::name).toList();
    }

    @Override
    public void createEdgeType(String name) {
        if (types.containsKey(key(name))) {
            throw new HqlExecutionException(ErrorCode.HQL_DUPLICATE_OBJECT, "edge type " + name + " already exists");
        }
        types.put(key(name), new Edges(name));
        schemaChanged.run();
    }

    @Override
    public void dropEdgeType(String name) {
        if (types.remove(key(name)) == null) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such edge type: " + name);
        }
        schemaChanged.run();
    }

    @Override
    public Object node(Table table, Object rowId) {
        return new MemoryNode((InMemoryTable) table, (Long) rowId);
    }

    @Override
    public Object[] row(Table table, Object node) {
        MemoryNode n = (MemoryNode) node;
        return n.table() == table && live.test(n) ? n.table().rowAt(n.rowId()) : null;
    }

    @Override
    public List<Adjacent> adjacent(Object node, String type, Direction direction) {
        List<Adjacent> out = new ArrayList<>();
        for (Edges edges : types.values()) {
            if (type != null && !edges.name().equalsIgnoreCase(type)) {
                continue;
            }
            if (direction != Direction.INCOMING) {
                collect(edges.name(), edges.out().get((MemoryNode) node), out);
            }
            if (direction != Direction.OUTGOING) {
                collect(edges.name(), edges.in().get((MemoryNode) node), out);
            }
        }
        return out;
    }

    private void collect(String type, Map<MemoryNode, Double> others, List<Adjacent> out) {
        if (others == null) {
            return;
        }
        others.forEach((other, weight) -> {
            if (live.test(other)) {
                out.add(new Adjacent(other, type, weight));
            }
        });
    }

    @Override
    public long apply(List<EdgeMutation> mutations) {
        for (EdgeMutation m : mutations) {
            switch (m) {
                case EdgeMutation.Add a -> check(a.type(), a.from(), a.to());
                case EdgeMutation.Remove r -> check(r.type(), r.from(), r.to());
            }
        }
        long changed = 0;
        for (EdgeMutation m : mutations) {
            switch (m) {
                case EdgeMutation.Add a -> {
                    Edges edges = types.get(key(a.type()));
                    MemoryNode from = (MemoryNode) a.from();
                    MemoryNode to = (MemoryNode) a.to();
                    edges.out().computeIfAbsent(from, k -> new LinkedHashMap<>()).put(to, a.weight());
                    edges.in().computeIfAbsent(to, k -> new LinkedHashMap<>()).put(from, a.weight());
                    changed++;
                }
                case EdgeMutation.Remove r -> {
                    Edges edges = types.get(key(r.type()));
                    Map<MemoryNode, Double> out = edges.out().get((MemoryNode) r.from());
                    if (out != null && out.remove((MemoryNode) r.to()) != null) {
                        edges.in().get((MemoryNode) r.to()).remove((MemoryNode) r.from());
                        changed++;
                    }
                }
            }
        }
        return changed;
    }

    /** Checks a mutation before any is applied, so a bad one changes nothing. */
    private void check(String type, Object from, Object to) {
        if (!types.containsKey(key(type))) {
            throw new HqlExecutionException(ErrorCode.HQL_UNKNOWN_TABLE, "no such edge type: " + type);
        }
        for (Object node : new Object[] {from, to}) {
            if (!(node instanceof MemoryNode n) || !live.test(n)) {
                throw new HqlExecutionException(ErrorCode.HQL_CONSTRAINT, "edge endpoint " + node + " is not a row");
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
