package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.ValueType;

import java.time.Duration;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds the next {@link Schema} from the current one. Definitions are additive and idempotent:
 * declaring something exactly as it already is changes nothing; declaring it differently
 * (another property type, vector dimension, metric…) is a {@link ErrorCode#SCHEMA_CONFLICT}.
 * Not thread-safe; the collection serialises schema changes.
 */
public final class SchemaEditor {
    private final Schema base;
    private int nextId;
    private final Map<String, EntityType> entityTypes;
    private final Map<String, VectorField> vectorFields;
    private final Map<String, EdgeType> edgeTypes;
    private final Map<String, MeasureDef> measures;
    private final Map<PositionKind, PositionSpace> positionSpaces;
    private final Map<String, PropertyIndexDef> propertyIndexes;

    SchemaEditor(Schema base) {
        this.base = base;
        this.nextId = base.nextId();
        this.entityTypes = new LinkedHashMap<>(base.entityTypes());
        this.vectorFields = new LinkedHashMap<>(base.vectorFields());
        this.edgeTypes = new LinkedHashMap<>(base.edgeTypes());
        this.measures = new LinkedHashMap<>(base.measures());
        this.positionSpaces = new EnumMap<>(PositionKind.class);
        this.positionSpaces.putAll(base.positionSpaces());
        this.propertyIndexes = new LinkedHashMap<>(base.propertyIndexes());
    }

    /** Declares an entity type (if new) and the given properties on it (each, if new). */
    public SchemaEditor entityType(String name, Map<String, ValueType> properties) {
        checkName(name, "entity type");
        EntityType existing = entityTypes.get(name);
        Map<String, PropertyDef> props = new HashMap<>(existing == null ? Map.of() : existing.properties());
        int typeId = existing == null ? nextId++ : existing.id();
        for (Map.Entry<String, ValueType> p : properties.entrySet()) {
            String field = name + "." + p.getKey();
            checkName(p.getKey(), "property " + field);
            if (p.getValue() == ValueType.NULL) {
                throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, field, "a property cannot be declared of type null");
            }
            PropertyDef old = props.get(p.getKey());
            if (old == null) {
                props.put(p.getKey(), new PropertyDef(p.getKey(), nextId++, p.getValue()));
            } else if (old.type() != p.getValue()) {
                throw conflict(field, "property " + field + " is " + old.type().displayName()
                        + ", cannot redeclare it as " + p.getValue().displayName());
            }
        }
        entityTypes.put(name, new EntityType(name, typeId, props));
        return this;
    }

    public SchemaEditor vectorField(String name, VectorKind kind, int dimension, VectorMetric metric) {
        return vectorField(name, kind, dimension, metric, 1.0);
    }

    /**
     * Declares a vector field; {@code curvature} is c of a hyperbolic metric (sectional curvature
     * −c), and must be 1 for the others. A new field gets {@link VectorIndexSettings#DEFAULT};
     * an existing one keeps its index settings.
     */
    public SchemaEditor vectorField(String name, VectorKind kind, int dimension, VectorMetric metric, double curvature) {
        declareVectorField(name, kind, dimension, metric, curvature);
        return this;
    }

    /**
     * Declares a vector field as {@link #vectorField(String, VectorKind, int, VectorMetric, double)}
     * does, with these index settings (replacing those of an existing field, see {@link #vectorIndex}).
     */
    public SchemaEditor vectorField(String name, VectorKind kind, int dimension, VectorMetric metric, double curvature,
                                    VectorIndexSettings index) {
        declareVectorField(name, kind, dimension, metric, curvature);
        return vectorIndex(name, current -> index);
    }

    /**
     * Changes the index settings of a vector field (declared before, or earlier in this edit):
     * {@code change} maps its current settings to the new ones. Only dense fields are indexed, so
     * the others keep the defaults. A changed ef_search applies to searches at once; a changed
     * m, ef_construction or quantization makes the index be built again.
     */
    public SchemaEditor vectorIndex(String name, UnaryOperator<VectorIndexSettings> change) {
        VectorField old = vectorFields.get(name);
        if (old == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, name, "unknown vector field '" + name + "'");
        }
        VectorIndexSettings next = change.apply(old.index());
        if (old.kind() != VectorKind.DENSE && !next.equals(VectorIndexSettings.DEFAULT)) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, name, "vector field '" + name + "' is "
                    + old.kind().name().toLowerCase() + "; only dense fields are indexed and take index settings");
        }
        vectorFields.put(name, old.withIndex(next));
        return this;
    }

    private void declareVectorField(String name, VectorKind kind, int dimension, VectorMetric metric, double curvature) {
        checkName(name, "vector field");
        boolean hyperbolic = metric == VectorMetric.POINCARE || metric == VectorMetric.LORENTZ;
        if (!(curvature > 0) || !Double.isFinite(curvature) || (!hyperbolic && curvature != 1.0)) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, name, "vector field '" + name
                    + "' curvature must be a positive finite number, and 1 unless the metric is poincare or lorentz; got "
                    + curvature);
        }
        if (dimension < 1 || dimension > 65_536) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, name,
                    "vector field '" + name + "' dimension must be in 1..65536, got " + dimension);
        }
        if (metric == VectorMetric.LORENTZ && dimension < 2) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, name,
                    "a lorentz vector field needs dimension >= 2 (time coordinate first)");
        }
        VectorField old = vectorFields.get(name);
        if (old == null) {
            vectorFields.put(name, new VectorField(name, nextId++, kind, dimension, metric, curvature));
        } else if (old.kind() != kind || old.dimension() != dimension || old.metric() != metric
                || old.curvature() != curvature) {
            throw conflict(name, "vector field '" + name + "' is " + describe(old) + ", cannot redeclare it as "
                    + describe(new VectorField(name, old.id(), kind, dimension, metric, curvature)));
        }
    }

    public SchemaEditor edgeType(String name) {
        checkName(name, "edge type");
        edgeTypes.computeIfAbsent(name, n -> new EdgeType(n, nextId++));
        return this;
    }

    /**
     * Drops an edge type; committing the edit deletes every edge of the type. A type that graph
     * positions are learned from cannot be dropped (redeclare the position space without it first).
     */
    public SchemaEditor dropEdgeType(String name) {
        if (!edgeTypes.containsKey(name)) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, name, "unknown edge type '" + name + "'");
        }
        for (PositionSpace space : positionSpaces.values()) {
            if (space.edgeTypes().contains(name)) {
                throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, name, "edge type '" + name
                        + "' is used by the " + space.kind().name().toLowerCase() + " positions; redeclare them without it first");
            }
        }
        edgeTypes.remove(name);
        return this;
    }

    /** Declares a measure; {@code retention} of zero keeps points forever. */
    public SchemaEditor measure(String name, Duration retention) {
        checkName(name, "measure");
        if (retention.isNegative()) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, name, "retention of measure '" + name + "' is negative");
        }
        MeasureDef old = measures.get(name);
        if (old == null) {
            measures.put(name, new MeasureDef(name, nextId++, retention));
        } else if (!old.retention().equals(retention)) {
            measures.put(name, new MeasureDef(name, old.id(), retention));
        }
        return this;
    }

    /**
     * Declares the space of a kind of position: {@code dimension} spatial dimensions (1..1024) on
     * the hyperboloid of curvature −{@code curvature}. Graph positions name the edge types their
     * hierarchy is learned from (declared before, or earlier in this edit); the other kinds name
     * none. Redeclaring with other edge types replaces them; with another dimension or curvature
     * it is a conflict (stored positions would no longer fit).
     */
    public SchemaEditor positionSpace(PositionKind kind, int dimension, double curvature, List<String> edgeTypes) {
        String field = "position." + kind.name().toLowerCase();
        if (dimension < 1 || dimension > 1024) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, field,
                    field + " dimension must be in 1..1024, got " + dimension);
        }
        if (!(curvature > 0) || !Double.isFinite(curvature)) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, field,
                    field + " curvature must be a positive finite number, got " + curvature);
        }
        if (kind == PositionKind.GRAPH && edgeTypes.isEmpty()) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, field,
                    "graph positions need at least one edge type to learn from");
        }
        if (kind != PositionKind.GRAPH && !edgeTypes.isEmpty()) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, field,
                    "only graph positions are learned from edges; " + field + " takes no edge types");
        }
        for (String e : edgeTypes) {
            if (!this.edgeTypes.containsKey(e)) {
                throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, e,
                        field + " names edge type '" + e + "', which is not declared");
            }
        }
        PositionSpace old = positionSpaces.get(kind);
        if (old == null) {
            positionSpaces.put(kind, new PositionSpace(kind, nextId++, dimension, curvature, edgeTypes));
        } else if (old.dimension() != dimension || old.curvature() != curvature) {
            throw conflict(field, field + " has dimension " + old.dimension() + " and curvature " + old.curvature()
                    + ", cannot redeclare it with dimension " + dimension + " and curvature " + curvature);
        } else {
            positionSpaces.put(kind, new PositionSpace(kind, old.id(), dimension, curvature, edgeTypes));
        }
        return this;
    }

    /**
     * Declares an index over one property of an entity type (both declared before, or earlier in
     * this edit). Committing the edit builds it from the stored entities. Lists and maps cannot be
     * indexed. Redeclaring an index as it is changes nothing; under another definition, or a
     * second index on the same property, it is a conflict.
     */
    public SchemaEditor propertyIndex(String name, String entityType, String property) {
        checkName(name, "property index");
        EntityType type = entityTypes.get(entityType);
        if (type == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, entityType,
                    "index '" + name + "' names entity type '" + entityType + "', which is not declared");
        }
        String field = entityType + "." + property;
        PropertyDef def = type.properties().get(property);
        if (def == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, field,
                    "index '" + name + "' names property " + field + ", which is not declared");
        }
        if (def.type() == ValueType.LIST || def.type() == ValueType.MAP) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, field,
                    "property " + field + " is " + def.type().displayName() + "; only scalar properties can be indexed");
        }
        PropertyIndexDef wanted = new PropertyIndexDef(name, entityType, property);
        PropertyIndexDef old = propertyIndexes.get(name);
        if (old != null && !old.equals(wanted)) {
            throw conflict(name, "index '" + name + "' is on " + old.entityType() + "." + old.property()
                    + ", cannot redeclare it on " + field);
        }
        for (PropertyIndexDef d : propertyIndexes.values()) {
            if (!d.name().equals(name) && d.entityType().equals(entityType) && d.property().equals(property)) {
                throw conflict(name, "property " + field + " is already indexed by '" + d.name() + "'");
            }
        }
        propertyIndexes.put(name, wanted);
        return this;
    }

    /** Drops a property index; committing the edit deletes its entries. */
    public SchemaEditor dropPropertyIndex(String name) {
        if (propertyIndexes.remove(name) == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, name, "unknown property index '" + name + "'");
        }
        return this;
    }

    /**
     * Drops an entity type with its property indexes. The collection must hold no entity of the
     * type when the edit commits (delete them first); its ids are never reused.
     */
    public SchemaEditor dropEntityType(String name) {
        if (entityTypes.remove(name) == null) {
            throw new SchemaViolationException(ErrorCode.UNKNOWN_FIELD, name, "unknown entity type '" + name + "'");
        }
        propertyIndexes.values().removeIf(d -> d.entityType().equals(name));
        return this;
    }

    /** The edited schema; the same instance as the base when nothing changed. */
    public Schema build() {
        Schema candidate = new Schema(base.revision() + 1, nextId, entityTypes, vectorFields, edgeTypes, measures,
                positionSpaces, propertyIndexes);
        Schema unchanged = new Schema(base.revision(), nextId, entityTypes, vectorFields, edgeTypes, measures,
                positionSpaces, propertyIndexes);
        return unchanged.equals(base) ? base : candidate;
    }

    private static String describe(VectorField f) {
        return f.kind().name().toLowerCase() + " " + f.metric().displayName() + "(" + f.dimension() + ")"
                + (f.curvature() == 1.0 ? "" : " curvature " + f.curvature());
    }

    private static void checkName(String name, String what) {
        if (name == null || !Schema.NAME.matcher(name).matches()) {
            throw new SchemaViolationException(ErrorCode.INVALID_ARGUMENT, name,
                    "invalid " + what + " name '" + name + "': use letters, digits and _, starting with a letter or _, at most 64");
        }
    }

    private static ConflictException conflict(String field, String message) {
        return new ConflictException(ErrorCode.SCHEMA_CONFLICT, field, message);
    }
}
