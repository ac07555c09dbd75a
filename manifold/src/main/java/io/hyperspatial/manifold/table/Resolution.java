package io.hyperspatial.manifold.table;

import java.util.Locale;

/** Bucket widths for downsampling a time series. Buckets are aligned to the epoch (UTC). */
public enum Resolution {
    MINUTE(60_000L), HOUR(3_600_000L), DAY(86_400_000L);

    private final long millis;

    Resolution(long millis) {
        this.millis = millis;
    }

    public long millis() {
        return millis;
    }

    /** Start of the bucket holding {@code timeMillis}. */
    public long bucketStart(long timeMillis) {
        return Math.floorDiv(timeMillis, millis) * millis;
    }

    public static Resolution parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown resolution '" + s + "'; expected minute, hour or day", e);
        }
    }
}
