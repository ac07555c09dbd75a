package io.hyperspatial.hyperql.engine;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import io.hyperspatial.hyperql.value.Blob;
import io.hyperspatial.hyperql.value.Vector;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Converts Java values given as parameters into HyperQL values. */
public final class JavaValues {
    private JavaValues() {
    }

    /**
     * The HyperQL value of a Java value: integers to Long, floating point to Double, booleans to 1/0,
     * {@code byte[]} to Blob, {@code float[]} to Vector; Strings, Blobs, Vectors and null as they are.
     */
    public static Object toSql(Object v, String parameter) {
        return switch (v) {
            case null -> null;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b when b.bitLength() < 64 -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case BigDecimal b -> b.doubleValue();
            case String s -> s;
            case Boolean b -> b ? 1L : 0L;
            case byte[] bytes -> new Blob(bytes.clone());
            case float[] floats -> new Vector(floats.clone());
            case Blob b -> b;
            case Vector vec -> vec;
            default -> throw new HqlExecutionException(ErrorCode.HQL_PARAMETER, "parameter " + parameter
                    + " has a value of unsupported type " + v.getClass().getName());
        };
    }
}
