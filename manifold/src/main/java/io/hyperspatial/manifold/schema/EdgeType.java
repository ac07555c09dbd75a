package io.hyperspatial.manifold.schema;

/** A declared edge type. {@code id} is the stable key used on disk. */
public record EdgeType(String name, int id) {
}
