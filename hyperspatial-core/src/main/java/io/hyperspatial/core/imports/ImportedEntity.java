package io.hyperspatial.core.imports;

import io.hyperspatial.manifold.table.MeasurePoint;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entity read from an import source, not yet written: addressed by its user {@code key}, or by
 * an explicit {@code id} when it has none (an exported entity that was created without a key);
 * the given properties, vectors, outgoing edges, measure points and positions are written over
 * whatever the entity already holds. {@code line} is where it starts in the source (1-based).
 */
public record ImportedEntity(long line, String key, UUID id, String type, Map<String, Value> properties,
                             Map<String, VectorData> vectors, List<ImportedEdge> edges,
                             Map<String, List<MeasurePoint>> measures, Map<PositionKind, double[]> positions) {

    /** An outgoing edge to the entity of key {@code toKey}, or of id {@code toId} when the key is null. */
    public record ImportedEdge(String type, String toKey, UUID toId, float weight) {
    }

    /** What names the entity in messages: its key, else its id. */
    public String label() {
        return key != null ? key : String.valueOf(id);
    }
}
