package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.table.PositionKind;

import java.util.List;

/**
 * How a collection's positions of one {@link PositionKind} are shaped: points on the Lorentz
 * hyperboloid ⟨x,x⟩_L = −1/c of {@code dimension} spatial dimensions, stored as
 * {@code dimension + 1} coordinates, time first. For {@link PositionKind#GRAPH},
 * {@code edgeTypes} names the edges (from the specific entity to the general one, as
 * {@code hypernym} edges go) whose hierarchy the positions are learned from; empty for the
 * other kinds.
 */
public record PositionSpace(PositionKind kind, int id, int dimension, double curvature, List<String> edgeTypes) {
    public PositionSpace {
        edgeTypes = List.copyOf(edgeTypes);
    }

    /** The number of stored coordinates: the spatial dimension plus the time coordinate. */
    public int coordinates() {
        return dimension + 1;
    }
}
