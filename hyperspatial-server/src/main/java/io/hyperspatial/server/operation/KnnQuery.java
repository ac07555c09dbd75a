package io.hyperspatial.server.operation;

import io.hyperspatial.server.http.ApiException;

import java.util.List;

/**
 * A k-NN search request, whatever protocol it came in: the k entities nearest to a {@code vector}
 * or to the entity with key {@code like} (searched with its own vector or position and left out
 * of the results) in a dense vector field or a position index ({@code position.graph}).
 * Construction checks the ranges, naming the field at fault.
 *
 * @param ef           the search breadth; 0 for the index's default
 * @param waitForIndex first wait until the index reflects every write acknowledged before the search
 * @param properties   properties returned with each hit
 */
public record KnnQuery(String field, float[] vector, String like, int k, int ef, boolean waitForIndex,
                       List<String> properties) {
    public static final int MAX_K = 10_000;
    public static final int MAX_EF = 100_000;
    public static final int DEFAULT_K = 10;

    public KnnQuery {
        if (field == null || field.isEmpty()) {
            throw ApiException.invalid("field", "'field' is required");
        }
        if ((vector == null) == (like == null || like.isEmpty())) {
            throw ApiException.invalid(null, "a search needs exactly one of 'vector' and 'like'");
        }
        if (k < 1 || k > MAX_K) {
            throw ApiException.invalid("k", "'k' must be in 1.." + MAX_K + ", got " + k);
        }
        if (ef < 0 || ef > MAX_EF) {
            throw ApiException.invalid("ef", "'ef' must be in 0.." + MAX_EF + ", got " + ef);
        }
        properties = List.copyOf(properties);
    }
}
