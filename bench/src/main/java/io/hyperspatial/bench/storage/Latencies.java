package io.hyperspatial.bench.storage;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** HdrHistogram helpers: latencies are recorded in nanoseconds and reported in ms or µs. Stateless. */
final class Latencies {
    /** Unit a summary is reported in, with its JSON field suffix. */
    enum Unit {
        MILLIS("ms", 1e6), MICROS("us", 1e3);

        final String suffix;
        final double nanos;

        Unit(String suffix, double nanos) {
            this.suffix = suffix;
            this.nanos = nanos;
        }
    }

    private Latencies() {
    }

    /** A histogram of nanosecond latencies up to one minute, three significant digits. */
    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    }

    static double p50(Histogram h, Unit unit) {
        return h.getValueAtPercentile(50) / unit.nanos;
    }

    /** Adds {@code count, p50, p90, p99, p99.9, mean, max} in {@code unit} to {@code json}. */
    static JsonObject summarize(Histogram h, Unit unit, JsonObject json) {
        String u = "_" + unit.suffix;
        return json.put("count", h.getTotalCount())
                .put("p50" + u, h.getValueAtPercentile(50) / unit.nanos)
                .put("p90" + u, h.getValueAtPercentile(90) / unit.nanos)
                .put("p99" + u, h.getValueAtPercentile(99) / unit.nanos)
                .put("p999" + u, h.getValueAtPercentile(99.9) / unit.nanos)
                .put("mean" + u, h.getMean() / unit.nanos)
                .put("max" + u, h.getMaxValue() / unit.nanos);
    }
}
