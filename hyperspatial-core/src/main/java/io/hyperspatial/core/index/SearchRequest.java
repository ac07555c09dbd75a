package io.hyperspatial.core.index;

import org.roaringbitmap.RoaringBitmap;

/**
 * A k-NN query. {@code ef} of 0 means the index's current default. {@code filter}, when not null,
 * is an allow-list of ids: only those may be returned, and if at least k of them are in the
 * index, k are returned.
 */
public record SearchRequest(float[] query, int k, int ef, RoaringBitmap filter) {
    public SearchRequest {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        if (ef < 0) {
            throw new IllegalArgumentException("ef must not be negative, got " + ef);
        }
    }

    public static SearchRequest of(float[] query, int k) {
        return new SearchRequest(query, k, 0, null);
    }

    public SearchRequest withEf(int v) {
        return new SearchRequest(query, k, v, filter);
    }

    public SearchRequest withFilter(RoaringBitmap v) {
        return new SearchRequest(query, k, ef, v);
    }
}
