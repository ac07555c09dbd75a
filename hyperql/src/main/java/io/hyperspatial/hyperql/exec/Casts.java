package io.hyperspatial.hyperql.exec;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.plan.Scalar;
import io.hyperspatial.hyperql.value.Arithmetic;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.NumericText;
import io.hyperspatial.hyperql.value.TextForm;
import io.hyperspatial.hyperql.value.Vector;

import java.nio.charset.StandardCharsets;

/** CAST conversions, SQLite's rules (text converts by its numeric prefix), plus text to VECTOR. */
public final class Casts {
    private Casts() {
    }

    /** The value converted to the target; NULL stays NULL. {@code dimensions} checks vectors (0: any). */
    public static Object cast(Object v, Scalar.CastTarget target, int dimensions) {
        if (v == null) {
            return null;
        }
        return switch (target) {
            case INTEGER -> Arithmetic.integerValue(v);
            case REAL -> Arithmetic.real(Arithmetic.toNumeric(v instanceof Long || v instanceof Double ? v : textNumber(v)));
            case NUMERIC -> {
                if (v instanceof Long || v instanceof Double) {
                    yield v;
                }
                Object n = Arithmetic.toNumeric(v);
                yield n instanceof Double d ? NumericText.integralOrSelf(d) : n;
            }
            case TEXT -> TextForm.of(v);
            case BLOB -> v instanceof Blob ? v : new Blob(TextForm.of(v).getBytes(StandardCharsets.UTF_8));
            case VECTOR -> {
                Vector vec = toVector(v);
                if (dimensions > 0 && vec.dimensions() != dimensions) {
                    throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH,
                            "expected a vector of " + dimensions + " dimensions, got " + vec.dimensions());
                }
                yield vec;
            }
        };
    }

    /** A vector from a Vector or its text form {@code [1, 2.5, -3]}. */
    public static Vector toVector(Object v) {
        if (v instanceof Vector vec) {
            return vec;
        }
        String s = TextForm.of(v).strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "not a vector: '" + s + "'");
        }
        String body = s.substring(1, s.length() - 1).strip();
        if (body.isEmpty()) {
            return new Vector(new float[0]);
        }
        String[] parts = body.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Float.parseFloat(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new HqlExecutionException(ErrorCode.HQL_TYPE_MISMATCH, "not a vector component: '" + parts[i].strip() + "'");
            }
        }
        return new Vector(out);
    }

    private static Object textNumber(Object v) {
        return v instanceof Long ? v : NumericText.parsePrefix(TextForm.of(v));
    }
}
