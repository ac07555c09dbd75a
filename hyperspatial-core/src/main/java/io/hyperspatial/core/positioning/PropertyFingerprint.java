package io.hyperspatial.core.positioning;

import io.hyperspatial.manifold.value.Value;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * A fixed-length fingerprint of an entity's properties, so that entities with similar properties
 * get nearby vectors: every property contributes tokens (a string its lowercased value and each
 * of its words, a number the order of magnitude and sign, a boolean its value, a timestamp its
 * year and month, a list each element, a map each entry under a dotted name), each token is hashed
 * with a sign into one of {@value #DIMENSION} buckets (feature hashing), and the sum is scaled to
 * unit length. Stateless.
 */
final class PropertyFingerprint {
    static final int DIMENSION = 256;

    private PropertyFingerprint() {
    }

    /** The fingerprint of these properties; all zeros for none. */
    static float[] of(Map<String, Value> properties) {
        float[] v = new float[DIMENSION];
        properties.forEach((name, value) -> add(v, name, value));
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        if (n > 0) {
            float inv = (float) (1 / Math.sqrt(n));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }

    private static void add(float[] v, String name, Value value) {
        switch (value) {
            case Value.NullValue n -> { }
            case Value.BoolValue b -> token(v, name + "=" + b.value());
            case Value.IntValue i -> magnitude(v, name, i.value());
            case Value.FloatValue f -> magnitude(v, name, f.value());
            case Value.StringValue s -> {
                String text = s.value().toLowerCase(Locale.ROOT);
                token(v, name + "=" + text);
                for (String word : text.split("[^\\p{L}\\p{N}]+")) {
                    if (!word.isEmpty() && !word.equals(text)) {
                        token(v, name + "~" + word);
                    }
                }
            }
            case Value.BytesValue b -> token(v, name + "#bytes" + b.value().length);
            case Value.TimestampValue t -> {
                var date = t.value().atOffset(ZoneOffset.UTC);
                token(v, name + "@" + date.getYear());
                token(v, name + "@" + date.getYear() + "-" + date.getMonthValue());
            }
            case Value.ListValue l -> l.values().forEach(e -> add(v, name + "[]", e));
            case Value.MapValue m -> m.entries().forEach((k, e) -> add(v, name + "." + k, e));
        }
    }

    /** Numbers by sign and order of magnitude (floor of log2 of |x| + 1), so 100 and 120 share a token. */
    private static void magnitude(float[] v, String name, double x) {
        if (!Double.isFinite(x)) {
            token(v, name + "=" + x);
            return;
        }
        long bucket = (long) Math.floor(Math.log(Math.abs(x) + 1) / Math.log(2));
        token(v, name + (x < 0 ? "#-" : "#") + bucket);
    }

    private static void token(float[] v, String token) {
        long h = hash(token.getBytes(StandardCharsets.UTF_8));
        int bucket = (int) ((h >>> 1) % DIMENSION);
        v[bucket] += (h & 1) == 0 ? 1f : -1f;
    }

    /** FNV-1a, 64 bits, then a finalising mix so that nearby tokens spread over the buckets. */
    private static long hash(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
