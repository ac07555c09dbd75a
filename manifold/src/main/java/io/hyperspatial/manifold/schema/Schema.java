package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.table.PositionKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An immutable snapshot of a collection's catalog: entity types with their properties, vector
 * fields, edge types, measures and position spaces. Every named thing has an id, unique within the collection and
 * never reused, which is what the on-disk keys carry. Change a schema with {@link #edit()}.
 *
 * <p>Lookups by name throw {@link SchemaViolationException} with {@link ErrorCode#UNKNOWN_FIELD}
 * naming what was asked for, so write paths can call them directly.
 */
public final class Schema {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    public static final Schema EMPTY = new Schema(0, 1, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    private final long revision;
    private final int nextId;
    private final Map<String, EntityType> entityTypes;
    private final Map<String, VectorField> vectorFields;
    private final Map<String, EdgeType> edgeTypes;
    private final Map<String, MeasureDef> measures;
    private final Map<PositionKind, PositionSpace> positionSpaces;
    private final Map<String, PropertyIndexDef> propertyIndexes;
    private final Map<Integer, EntityType> entityTypesById = new HashMap<>();
    private final Map<Integer, String> propertyNamesById = new HashMap<>();
    private final Map<Integer, EdgeType> edgeTypesById = new HashMap<>();
    private final Map<Integer, MeasureDef> measuresById = new HashMap<>();
    private final Map<String, List<PropertyIndexDef>> propertyIndexesByType = new HashMap<>();

    Schema(long revision, int nextId, Map<String, EntityType> entityTypes, Map<String, VectorField> vectorFields,
           Map<String, EdgeType> edgeTypes, Map<String, MeasureDef> measures,
           Map<PositionKind, PositionSpace> positionSpaces, Map<String, PropertyIndexDef> propertyIndexes) {
        this.revision = revision;
        this.nextId = nextId;
        this.entityTypes = Map.copyOf(entityTypes);
        this.vectorFields = Map.copyOf(vectorFields);
        this.edgeTypes = Map.copyOf(edgeTypes);
        this.measures = Map.copyOf(measures);
        this.positionSpaces = Map.copyOf(positionSpaces);
        this.propertyIndexes = Map.copyOf(propertyIndexes);
        for (EntityType t : this.entityTypes.values()) {
            entityTypesById.put(t.id(), t);
            for (PropertyDef p : t.properties().values()) {
                propertyNamesById.put(p.id(), p.name());
            }
        }
        this.edgeTypes.values().forEach(e -> edgeTypesById.put(e.id(), e));
        this.measures.values().forEach(m -> measuresById.put(m.id(), m));
        this.propertyIndexes.values().forEach(d -> propertyIndexesByType.computeIfAbsent(d.entityType(), t -> new ArrayList<>()).add(d));
        propertyIndexesByType.replaceAll((t, list) -> List.copyOf(list));
    }

    /** Incremented by every committed schema change. */
    public long revision() {
        return revision;
    }

    int nextId() {
        return nextId;
    }

    public Map<String, EntityType> entityTypes() {
        return entityTypes;
    }

    public Map<String, VectorField> vectorFields() {
        return vectorFields;
    }

    public Map<String, EdgeType> edgeTypes() {
        return edgeTypes;
    }

    public Map<String, MeasureDef> measures() {
        return measures;
    }

    /** The declared position spaces by kind. */
    public Map<PositionKind, PositionSpace> positionSpaces() {
        return positionSpaces;
    }

    /** The declared space of a kind of position, if any. */
    public Optional<PositionSpace> positionSpace(PositionKind kind) {
        return Optional.ofNullable(positionSpaces.get(kind));
    }

    /** The declared property indexes by name. */
    public Map<String, PropertyIndexDef> propertyIndexes() {
        return propertyIndexes;
    }

    /** The property index on a type's property, if one is declared. */
    public Optional<PropertyIndexDef> propertyIndex(String entityType, String property) {
        for (PropertyIndexDef d : propertyIndexes.values()) {
            if (d.entityType().equals(entityType) && d.property().equals(property)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The property indexes over an entity type's properties. */
    public List<PropertyIndexDef> propertyIndexesOf(String entityType) {
        return propertyIndexesByType.getOrDefault(entityType, List.of());
    }

    public SchemaEditor edit() {
        return new SchemaEditor(this);
    }

    public EntityType entityType(String name) {
        return require(entityTypes.get(name), name, "entity type");
    }

    public Optional<EntityType> entityTypeById(int id) {
        return Optional.ofNullable(entityTypesById.get(id));
    }

    /** The property's name for an on-disk id, or empty if its type was redefined without it. */
    public Optional<String> propertyNameById(int id) {
        return Optional.ofNullable(propertyNamesById.get(id));
    }

    public PropertyDef property(EntityType type, String name) {
        PropertyDef p = type.properties().get(name);
        if (p == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, type.name() + "." + name,
                    "entity type '" + type.name() + "' has no property '" + name + "'");
        }
        return p;
    }

    public VectorField vectorField(String name) {
        return require(vectorFields.get(name), name, "vector field");
    }

    public EdgeType edgeType(String name) {
        return require(edgeTypes.get(name), name, "edge type");
    }

    public Optional<EdgeType> edgeTypeById(int id) {
        return Optional.ofNullable(edgeTypesById.get(id));
    }

    public MeasureDef measure(String name) {
        return require(measures.get(name), name, "measure");
    }

    public Optional<MeasureDef> measureById(int id) {
        return Optional.ofNullable(measuresById.get(id));
    }

    private static <T> T require(T found, String name, String kind) {
        if (found == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, name, "unknown " + kind + " '" + name + "'");
        }
        return found;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema s && revision == s.revision && nextId == s.nextId
                && entityTypes.equals(s.entityTypes) && vectorFields.equals(s.vectorFields)
                && edgeTypes.equals(s.edgeTypes) && measures.equals(s.measures)
                && positionSpaces.equals(s.positionSpaces) && propertyIndexes.equals(s.propertyIndexes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(revision) * 31 + entityTypes.hashCode();
    }

    @Override
    public String toString() {
        return "Schema{revision=" + revision + ", entityTypes=" + entityTypes.keySet() + ", vectorFields="
                + vectorFields.keySet() + ", edgeTypes=" + edgeTypes.keySet() + ", measures=" + measures.keySet()
                + ", positionSpaces=" + positionSpaces.keySet() + ", propertyIndexes=" + propertyIndexes.keySet() + "}";
    }
}
