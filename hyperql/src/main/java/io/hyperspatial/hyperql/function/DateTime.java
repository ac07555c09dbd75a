package io.hyperspatial.hyperql.function;

/**
 * SQLite's date.c {@code DateTime}: a moment as a julian day number in milliseconds and/or as
 * year-month-day and hour-minute-second fields, each form computed from the other when asked,
 * with SQLite's integer and floating-point arithmetic step for step (so that, like SQLite,
 * {@code date('2024-02-30')} keeps the day it was given while {@code '+0 days'} moves it to March).
 * A mutable worker for one function call; not thread-safe.
 */
final class DateTime {
    /** The largest julian day in milliseconds SQLite accepts: 9999-12-31 23:59:59.999. */
    static final long MAX_JD = 464269060799999L;
    /** The julian day of 1970-01-01 00:00:00 in milliseconds. */
    static final long UNIX_EPOCH_JD = 210866760000000L;

    long jd;
    int year;
    int month;
    int day;
    int hour;
    int minute;
    /** Seconds with their fraction; also the raw number of a numeric time value until a modifier reads it. */
    double second;
    /** Minutes east of UTC of a parsed "+HH:MM" suffix. */
    int tz;
    boolean validJd;
    boolean rawSeconds;
    boolean validYmd;
    boolean validHms;
    boolean validTz;
    boolean tzSet;
    boolean error;

    /** Whether a julian day in milliseconds lies within 0000-01-01 .. 9999-12-31. */
    static boolean validJulianDay(long jd) {
        return jd >= 0 && jd <= MAX_JD;
    }

    /** A numeric time value: a julian day number when in range; the number itself is kept for unixepoch/auto. */
    void setRawNumber(double r) {
        second = r;
        rawSeconds = true;
        if (r >= 0.0 && r < 5373484.5) {
            jd = (long) (r * 86400000.0 + 0.5);
            validJd = true;
        }
    }

    void setError() {
        clearAll();
        error = true;
    }

    void clearAll() {
        jd = 0;
        year = month = day = hour = minute = tz = 0;
        second = 0;
        validJd = rawSeconds = validYmd = validHms = validTz = tzSet = error = false;
    }

    void clearYmdHmsTz() {
        validYmd = false;
        validHms = false;
        validTz = false;
    }

    /**
     * Reads the raw number held in {@code second} as unix seconds: the moment becomes that julian
     * day in milliseconds (rounded), its other fields unknown (the {@code unixepoch} and
     * {@code auto} modifiers).
     */
    void setUnixSeconds() {
        double r = second * 1000.0 + UNIX_EPOCH_JD;
        clearYmdHmsTz();
        jd = (long) (r + 0.5);
        validJd = true;
        rawSeconds = false;
    }

    void computeJd() {
        if (validJd) {
            return;
        }
        int y = 2000;
        int m = 1;
        int d = 1;
        if (validYmd) {
            y = year;
            m = month;
            d = day;
        }
        if (y < -4713 || y > 9999 || rawSeconds) {
            setError();
            return;
        }
        if (m <= 2) {
            y--;
            m += 12;
        }
        int a = y / 100;
        int b = 2 - a + (a / 4);
        int x1 = 36525 * (y + 4716) / 100;
        int x2 = 306001 * (m + 1) / 10000;
        jd = (long) ((x1 + x2 + d + b - 1524.5) * 86400000);
        validJd = true;
        if (validHms) {
            jd += hour * 3600000L + minute * 60000L + (long) (second * 1000 + 0.5);
            if (validTz) {
                jd -= tz * 60000L;
                validYmd = false;
                validHms = false;
                validTz = false;
            }
        }
    }

    void computeYmd() {
        if (validYmd) {
            return;
        }
        if (!validJd) {
            year = 2000;
            month = 1;
            day = 1;
        } else if (!validJulianDay(jd)) {
            setError();
            return;
        } else {
            int z = (int) ((jd + 43200000) / 86400000);
            int a = (int) ((z - 1867216.25) / 36524.25);
            a = z + 1 + a - (a / 4);
            int b = a + 1524;
            int c = (int) ((b - 122.1) / 365.25);
            int d = (36525 * (c & 32767)) / 100;
            int e = (int) ((b - d) / 30.6001);
            int x1 = (int) (30.6001 * e);
            day = b - d - x1;
            month = e < 14 ? e - 1 : e - 13;
            year = month > 2 ? c - 4716 : c - 4715;
        }
        validYmd = true;
    }

    void computeHms() {
        if (validHms) {
            return;
        }
        computeJd();
        int s = (int) ((jd + 43200000) % 86400000);
        second = s / 1000.0;
        s = (int) second;
        second -= s;
        hour = s / 3600;
        s -= hour * 3600;
        minute = s / 60;
        second += s - minute * 60;
        rawSeconds = false;
        validHms = true;
    }

    void computeYmdHms() {
        computeYmd();
        computeHms();
    }

    /** A copy of every field. */
    DateTime copy() {
        DateTime c = new DateTime();
        c.jd = jd;
        c.year = year;
        c.month = month;
        c.day = day;
        c.hour = hour;
        c.minute = minute;
        c.second = second;
        c.tz = tz;
        c.validJd = validJd;
        c.rawSeconds = rawSeconds;
        c.validYmd = validYmd;
        c.validHms = validHms;
        c.validTz = validTz;
        c.tzSet = tzSet;
        c.error = error;
        return c;
    }
}
