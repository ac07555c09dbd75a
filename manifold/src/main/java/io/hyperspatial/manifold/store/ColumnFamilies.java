package io.hyperspatial.manifold.store;

import java.util.List;

/** The column families of a collection and what their keys are. */
public final class ColumnFamilies {
    /** format version, schema catalog. */
    public static final String META = "meta";
    /** entity id → type, created, updated, version, user key. */
    public static final String ENTITIES = "entities";
    /** entity id + property id → value. */
    public static final String PROPERTIES = "properties";
    /** from + edge type + to → active, weight, created, deleted. */
    public static final String EDGES_OUT = "edges_out";
    /** to + edge type + from → the same record as edges_out. */
    public static final String EDGES_IN = "edges_in";
    /** entity id + measure id + time → value. */
    public static final String MEASURES = "measures";
    /** entity id + position kind → coordinates. */
    public static final String POSITIONS = "positions";
    /** entity id + position kind + time → coordinates. */
    public static final String TRAJECTORIES = "trajectories";
    /** type id + property id + order-preserving value + entity id → nothing: the property indexes. */
    public static final String PROPERTY_INDEX = "property_index";
    /** sequence number → change event. */
    public static final String CHANGES = "changes";
    /** Prefix of the per-field vector families, {@code vectors.<field>}: entity id → encoded vector. */
    public static final String VECTORS_PREFIX = "vectors.";

    /** The families every collection has (besides RocksDB's unused {@code default}). */
    public static final List<String> FIXED = List.of(META, ENTITIES, PROPERTIES, EDGES_OUT, EDGES_IN, MEASURES,
            POSITIONS, TRAJECTORIES, CHANGES, PROPERTY_INDEX);

    private ColumnFamilies() {
    }

    public static String vectors(String field) {
        return VECTORS_PREFIX + field;
    }
}
