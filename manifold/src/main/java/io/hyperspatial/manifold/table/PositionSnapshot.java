package io.hyperspatial.manifold.table;

/** A position as it was at {@code timeMillis}: Lorentz coordinates, time coordinate first. */
public record PositionSnapshot(long timeMillis, double[] coordinates) {
}
