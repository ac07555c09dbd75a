package io.hyperspatial.manifold.table;

/** Aggregate of the points of one downsampling bucket {@code [startMillis, startMillis + width)}. */
public record Bucket(long startMillis, long count, double min, double max, double sum) {
    public double mean() {
        return sum / count;
    }
}
