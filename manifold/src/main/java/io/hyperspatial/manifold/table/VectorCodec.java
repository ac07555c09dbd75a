package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.StorageException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Vector encodings, little-endian float32 so a stored dense vector can be copied straight into
 * SIMD-friendly memory: dense = {@code dim × f32}; sparse = {@code n:i32, n × i32 index, n × f32};
 * multi = {@code count:i32, count × dim × f32}. Stateless and thread-safe.
 */
public final class VectorCodec {
    private VectorCodec() {
    }

    public static byte[] dense(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static float[] dense(byte[] bytes, int dimension) {
        if (bytes.length != dimension * 4) {
            throw corrupt("dense vector of " + bytes.length + " bytes, expected " + dimension * 4);
        }
        float[] v = new float[dimension];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    public static byte[] sparse(int[] indices, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 + indices.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(indices.length);
        for (int i : indices) {
            b.putInt(i);
        }
        for (float f : values) {
            b.putFloat(f);
        }
        return b.array();
    }

    public static SparseVector sparse(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = b.getInt();
        if (n < 0 || bytes.length != 4 + n * 8) {
            throw corrupt("sparse vector of " + bytes.length + " bytes claims " + n + " entries");
        }
        int[] idx = new int[n];
        float[] val = new float[n];
        b.asIntBuffer().get(idx);
        b.position(4 + n * 4);
        b.asFloatBuffer().get(val);
        return new SparseVector(idx, val);
    }

    public static byte[] multi(List<float[]> vectors, int dimension) {
        ByteBuffer b = ByteBuffer.allocate(4 + vectors.size() * dimension * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(vectors.size());
        for (float[] v : vectors) {
            for (float f : v) {
                b.putFloat(f);
            }
        }
        return b.array();
    }

    public static List<float[]> multi(byte[] bytes, int dimension) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int count = b.getInt();
        if (count < 0 || bytes.length != 4 + (long) count * dimension * 4) {
            throw corrupt("multi-vector of " + bytes.length + " bytes claims " + count + " × " + dimension);
        }
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[dimension];
            b.asFloatBuffer().get(v);
            b.position(b.position() + dimension * 4);
            out.add(v);
        }
        return out;
    }

    private static StorageException corrupt(String message) {
        return new StorageException(ErrorCode.CORRUPTION, message);
    }
}
