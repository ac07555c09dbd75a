package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.table.Edge;
import io.hyperspatial.manifold.table.Entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hierarchy formed by a collection's edges of some types, read from one snapshot: node i is
 * entity {@code ids().get(i)}, and an edge {@code a -type-> b} makes b a parent of a (edges run
 * from the specific entity to the general one, as {@code hypernym} edges do). Only entities with
 * such an edge (either end) are nodes; an edge whose target entity does not exist is left out and
 * counted in {@link #danglingEdges()}. Immutable.
 */
public record CollectionHierarchy(List<UUID> ids, Map<UUID, Integer> index, Hierarchy hierarchy, long danglingEdges) {

    /**
     * Reads the hierarchy of {@code edgeTypes} from {@code view}.
     *
     * @throws ManifoldException ({@code invalid_argument}) naming an entity on a cycle if the
     *                           edges are not acyclic
     */
    public static CollectionHierarchy read(ReadView view, List<String> edgeTypes) {
        List<UUID> ids = new ArrayList<>();
        Map<UUID, Integer> index = new HashMap<>();
        List<long[]> edges = new ArrayList<>();
        long[] dangling = {0};
        List<UUID> entities = new ArrayList<>();
        view.entities().forEach(e -> entities.add(e.id()));
        for (UUID child : entities) {
            for (String type : edgeTypes) {
                for (Edge edge : view.graph().outgoing(child, type)) {
                    if (!view.entities().exists(edge.to())) {
                        dangling[0]++;
                        continue;
                    }
                    edges.add(new long[]{node(child, ids, index), node(edge.to(), ids, index)});
                }
            }
        }
        Hierarchy.Builder builder = Hierarchy.builder(ids.size());
        for (long[] e : edges) {
            builder.edge((int) e[0], (int) e[1]);
        }
        try {
            return new CollectionHierarchy(List.copyOf(ids), Map.copyOf(index), builder.build(), dangling[0]);
        } catch (ManifoldException e) {
            throw new ManifoldException(ErrorCode.INVALID_ARGUMENT, "edge", "the " + String.join(", ", edgeTypes)
                    + " edges are not a hierarchy: " + describeCycle(e.getMessage(), ids, view), e);
        }
    }

    private static int node(UUID id, List<UUID> ids, Map<UUID, Integer> index) {
        return index.computeIfAbsent(id, k -> {
            ids.add(k);
            return ids.size() - 1;
        });
    }

    /** Replaces "node N" in the builder's message by the entity's key. */
    private static String describeCycle(String message, List<UUID> ids, ReadView view) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("node (\\d+)").matcher(message);
        if (!m.find()) {
            return message;
        }
        UUID id = ids.get(Integer.parseInt(m.group(1)));
        String name = view.entities().get(id).flatMap(Entity::key).map(k -> "'" + k + "'").orElse(id.toString());
        return message.substring(0, m.start()) + "entity " + name + message.substring(m.end());
    }

    public int size() {
        return ids.size();
    }
}
