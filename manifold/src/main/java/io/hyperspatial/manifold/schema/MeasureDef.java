package io.hyperspatial.manifold.schema;

import java.time.Duration;

/**
 * A declared time series ("measure"). Points older than {@code retention} are removed by the
 * collection's maintenance; {@link Duration#ZERO} keeps them forever.
 */
public record MeasureDef(String name, int id, Duration retention) {
    public boolean retainsForever() {
        return retention.isZero();
    }
}
