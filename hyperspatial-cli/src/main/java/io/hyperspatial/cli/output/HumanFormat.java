package io.hyperspatial.cli.output;

import java.time.Duration;
import java.util.Locale;

/** Numbers, sizes and durations as people read them: {@code 20,000}, {@code 14.2 MiB}, {@code 30 days}. */
public final class HumanFormat {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private HumanFormat() {
    }

    /** A count with thousands separators. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Bytes in binary units with one decimal ({@code 512 B}, {@code 1.5 KiB}, {@code 14.2 MiB}). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int unit = -1;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /** A measure's retention: {@code forever} for zero, else the largest whole unit ({@code 30 days}, {@code 90 minutes}). */
    public static String retention(Duration d) {
        if (d.isZero()) {
            return "forever";
        }
        long s = d.toSeconds();
        if (d.toNanosPart() != 0) {
            return d.toString();
        }
        if (s % 86_400 == 0) {
            return plural(s / 86_400, "day");
        }
        if (s % 3_600 == 0) {
            return plural(s / 3_600, "hour");
        }
        if (s % 60 == 0) {
            return plural(s / 60, "minute");
        }
        return plural(s, "second");
    }

    /** Elapsed time in seconds with one decimal. */
    public static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
