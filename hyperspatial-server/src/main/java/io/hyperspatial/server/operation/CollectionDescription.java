package io.hyperspatial.server.operation;

import io.hyperspatial.core.index.maintain.FieldIndexStats;
import io.hyperspatial.manifold.CollectionStats;
import io.hyperspatial.manifold.schema.Schema;

import java.util.List;

/** What describing a collection tells: its schema, storage statistics and every index's state. */
public record CollectionDescription(String name, boolean frozen, Schema schema, CollectionStats stats,
                                    List<FieldIndexStats> indexes) {
    public CollectionDescription {
        indexes = List.copyOf(indexes);
    }
}
