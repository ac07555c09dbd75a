package io.hyperspatial.manifold.table;

/** One point of a time series: epoch millis and value. */
public record MeasurePoint(long timeMillis, double value) {
}
