package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.table.PositionKind;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;

import java.util.List;
import java.util.Map;

/**
 * Checks values against their declarations before anything is written. Each failure names the
 * field (and the index inside a vector or list) so the caller can point at the bad input.
 * Stateless and thread-safe.
 */
public final class WriteValidator {
    /** Tolerance for a Lorentz point's Minkowski norm ⟨x,x⟩_L = −1, relative to x₀². */
    static final double LORENTZ_TOLERANCE = 1e-3;
    /** The same for float64 positions. */
    static final double POSITION_TOLERANCE = 1e-9;

    private WriteValidator() {
    }

    /** Validates a property value; {@code int64} widens to {@code float64}. Returns the value to store. */
    public static Value property(EntityType type, PropertyDef def, Value value) {
        if (value.type() == ValueType.NULL) {
            return value;
        }
        if (def.type() == ValueType.FLOAT64 && value instanceof Value.IntValue i) {
            return new Value.FloatValue(i.value());
        }
        if (value.type() != def.type()) {
            String field = type.name() + "." + def.name();
            throw new SchemaViolationException(ErrorCode.TYPE_MISMATCH, field, "property " + field + " is "
                    + def.type().displayName() + ", got " + value.type().displayName() + " " + value);
        }
        if (!storable(value)) {
            // the field's name is built only here: this runs for every property of every write
            requireStorable(type.name() + "." + def.name(), value);
        }
        return value;
    }

    /** What {@link #requireStorable} accepts, without naming anything. */
    private static boolean storable(Value value) {
        switch (value) {
            case Value.FloatValue f -> {
                return Double.isFinite(f.value());
            }
            case Value.TimestampValue t -> {
                return storable(t);
            }
            case Value.ListValue l -> {
                for (Value v : l.values()) {
                    if (!storable(v)) {
                        return false;
                    }
                }
                return true;
            }
            case Value.MapValue m -> {
                for (Value v : m.entries().values()) {
                    if (!storable(v)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    /** Rejects NaN and infinities, and timestamps whose epoch microseconds do not fit a long. */
    private static void requireStorable(String field, Value value) {
        switch (value) {
            case Value.FloatValue f when !Double.isFinite(f.value()) -> throw new SchemaViolationException(
                    ErrorCode.NON_FINITE_VALUE, field, "property " + field + " must be finite, got " + f.value());
            case Value.TimestampValue t when !storable(t) -> throw new SchemaViolationException(
                    ErrorCode.INVALID_ARGUMENT, field, "property " + field + " is a timestamp outside the storable range"
                    + " (epoch microseconds must fit 64 bits), got " + t.value());
            case Value.ListValue l -> {
                List<Value> values = l.values();
                for (int i = 0; i < values.size(); i++) {
                    requireStorable(field + "[" + i + "]", values.get(i));
                }
            }
            case Value.MapValue m -> {
                for (Map.Entry<String, Value> e : m.entries().entrySet()) {
                    requireStorable(field + "." + e.getKey(), e.getValue());
                }
            }
            default -> {
            }
        }
    }

    private static boolean storable(Value.TimestampValue t) {
        try {
            t.epochMicros();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    public static void dense(VectorField f, float[] v) {
        requireKind(f, VectorKind.DENSE);
        point(f, f.name(), v);
    }

    public static void sparse(VectorField f, int[] indices, float[] values) {
        requireKind(f, VectorKind.SPARSE);
        if (indices.length != values.length) {
            throw violation(ErrorCode.DIMENSION_MISMATCH, f.name(), "sparse vector '" + f.name() + "' has "
                    + indices.length + " indices but " + values.length + " values");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= f.dimension()) {
                throw violation(ErrorCode.DIMENSION_MISMATCH, f.name() + "[" + i + "]", "sparse vector '" + f.name()
                        + "' index " + indices[i] + " is outside 0.." + (f.dimension() - 1));
            }
            if (i > 0 && indices[i] <= indices[i - 1]) {
                throw violation(ErrorCode.INVALID_ARGUMENT, f.name() + "[" + i + "]", "sparse vector '" + f.name()
                        + "' indices must be strictly increasing; " + indices[i] + " follows " + indices[i - 1]);
            }
            finite(f.name() + "[" + i + "]", values[i]);
        }
    }

    public static void multi(VectorField f, List<float[]> vectors) {
        requireKind(f, VectorKind.MULTI);
        if (vectors.isEmpty()) {
            throw violation(ErrorCode.INVALID_ARGUMENT, f.name(), "multi-vector '" + f.name() + "' must hold at least one vector");
        }
        for (int i = 0; i < vectors.size(); i++) {
            point(f, f.name() + "[" + i + "]", vectors.get(i));
        }
    }

    /** Checks one dense point of {@code f}'s dimension against the field's metric. */
    private static void point(VectorField f, String field, float[] v) {
        if (v.length != f.dimension()) {
            throw violation(ErrorCode.DIMENSION_MISMATCH, field, "vector '" + field + "' has dimension "
                    + v.length + ", the field is declared with " + f.dimension());
        }
        double sq = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                finite(field + "[" + i + "]", v[i]);
            }
            sq += (double) v[i] * v[i];
        }
        switch (f.metric()) {
            case COSINE -> {
                if (sq == 0) {
                    throw violation(ErrorCode.INVALID_ARGUMENT, field, "vector '" + field + "' is zero; cosine distance is undefined for it");
                }
            }
            case POINCARE -> {
                if (f.curvature() * sq >= 1.0) {
                    throw violation(ErrorCode.INVALID_ARGUMENT, field, "vector '" + field + "' has norm "
                            + Math.sqrt(sq) + "; a Poincaré point must lie strictly inside the "
                            + (f.curvature() == 1.0 ? "unit ball"
                            : "ball of radius " + 1 / Math.sqrt(f.curvature()) + " (curvature -" + f.curvature() + ")"));
                }
            }
            case LORENTZ -> {
                double x0 = v[0];
                double c = f.curvature();
                double minkowski = sq - 2 * x0 * x0;
                if (x0 <= 0 || Math.abs(c * minkowski + 1) > LORENTZ_TOLERANCE * Math.max(1, c * x0 * x0)) {
                    throw violation(ErrorCode.INVALID_ARGUMENT, field, "vector '" + field + "' is not on the hyperboloid"
                            + (c == 1.0 ? "" : " of curvature -" + c) + ": need x0 > 0 and -x0² + Σxi² = " + (-1 / c)
                            + ", got x0=" + x0 + ", <x,x>_L=" + minkowski);
                }
            }
            case L2, DOT -> {
            }
        }
    }

    /**
     * Checks a position of {@code kind}: finite coordinates, time first, on the hyperboloid of the
     * kind's declared {@code space} (its dimension and curvature), or of curvature −1 in any
     * dimension when the kind has no declared space. Positions are float64, so the tolerance is
     * tighter than for float32 vectors.
     */
    public static void position(PositionKind kind, PositionSpace space, double[] x) {
        String field = "position." + kind.name().toLowerCase(java.util.Locale.ROOT);
        int expected = space == null ? -1 : space.coordinates();
        if (x.length < 2 || (expected > 0 && x.length != expected)) {
            throw violation(ErrorCode.DIMENSION_MISMATCH, field, field + " has " + x.length + " coordinates, "
                    + (expected > 0 ? "the collection declares " + expected + " (time first)"
                    : "a position needs at least 2 (time first)"));
        }
        double spatial = 0;
        for (int i = 0; i < x.length; i++) {
            finite(field + "[" + i + "]", x[i]);
            if (i > 0) {
                spatial += x[i] * x[i];
            }
        }
        double c = space == null ? 1.0 : space.curvature();
        double minkowski = spatial - x[0] * x[0];
        if (x[0] <= 0 || Math.abs(c * minkowski + 1) > POSITION_TOLERANCE * Math.max(1, c * x[0] * x[0])) {
            throw violation(ErrorCode.INVALID_ARGUMENT, field, field + " is not on the hyperboloid"
                    + (c == 1.0 ? "" : " of curvature -" + c) + ": need x0 > 0 and -x0² + Σxi² = " + (-1 / c)
                    + ", got x0=" + x[0] + ", <x,x>_L=" + minkowski);
        }
    }

    /** Rejects NaN and infinities, naming the field. */
    public static void finite(String field, double d) {
        if (!Double.isFinite(d)) {
            throw violation(ErrorCode.NON_FINITE_VALUE, field, field + " must be finite, got " + d);
        }
    }

    private static void requireKind(VectorField f, VectorKind kind) {
        if (f.kind() != kind) {
            throw violation(ErrorCode.TYPE_MISMATCH, f.name(), "vector field '" + f.name() + "' is "
                    + f.kind().name().toLowerCase() + ", got a " + kind.name().toLowerCase() + " vector");
        }
    }

    private static SchemaViolationException violation(ErrorCode code, String field, String message) {
        return new SchemaViolationException(code, field, message);
    }
}
