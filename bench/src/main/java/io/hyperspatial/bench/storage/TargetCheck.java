package io.hyperspatial.bench.storage;

/**
 * One of the performance targets checked against a measured value.
 *
 * @param target what is required, in words (e.g. {@code "strict commit p50 <= 0.5 ms"})
 * @param value  the measured value the target is about
 * @param met    whether the value meets it
 */
record TargetCheck(String target, double value, boolean met) {

    static TargetCheck atMost(String target, double value, double limit) {
        return new TargetCheck(target, value, value <= limit);
    }

    static TargetCheck atLeast(String target, double value, double limit) {
        return new TargetCheck(target, value, value >= limit);
    }

    JsonObject toJson() {
        return new JsonObject().put("target", target).put("value", value).put("met", met);
    }
}
