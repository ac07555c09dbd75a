package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.value.NumericText;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Reads SQLite's time values and modifiers into a {@link DateTime}, as date.c of SQLite 3.40 does:
 * {@code YYYY-MM-DD}, optionally followed (after spaces or {@code T}) by {@code HH:MM[:SS[.F...]]}
 * and a zone ({@code Z}, {@code +HH:MM}); a time alone (on 2000-01-01); {@code now}; a number (a
 * julian day, or seconds with {@code unixepoch}/{@code auto}). Modifiers: {@code ±N days|hours|
 * minutes|seconds|months|years}, {@code ±HH:MM[:SS[.F]]}, {@code start of month|year|day},
 * {@code weekday N}, {@code unixepoch}, {@code julianday}, {@code auto}, and {@code localtime} and
 * {@code utc}, which here treat the local zone as UTC (so they change nothing but the form),
 * keeping results independent of the server's zone. Stateless.
 */
final class DateTimeParser {
    /** Each "+N unit" modifier: its name, the largest |N| it accepts and the seconds in one unit (SQLite's float constants). */
    private static final String[] UNITS = {"second", "minute", "hour", "day", "month", "year"};
    private static final float[] LIMITS = {4.6427e+14f, 7.7379e+12f, 1.2897e+11f, 5373485.0f, 176546.0f, 14713.0f};
    private static final float[] SECONDS = {1.0f, 60.0f, 3600.0f, 86400.0f, 2592000.0f, 31536000.0f};

    private DateTimeParser() {
    }

    /** Reads a time value; false when it is not one. {@code nowJd} is the statement's "now" in julian milliseconds. */
    static boolean parseValue(String z, DateTime p, long nowJd) {
        if (parseYmd(z, p) || parseHms(z, 0, p)) {
            return true;
        }
        if (z.equalsIgnoreCase("now")) {
            p.jd = nowJd;
            p.validJd = true;
            return true;
        }
        Object n = wholeNumber(z);
        if (n != null) {
            p.setRawNumber(((Number) n).doubleValue());
            return true;
        }
        return false;
    }

    /** The number the whole text spells (spaces around allowed), or null: SQLite's {@code sqlite3AtoF(...) > 0}. */
    private static Object wholeNumber(String z) {
        return z.isBlank() ? null : NumericText.parseWhole(z);
    }

    /** Reads {@code count} digits at {@code at} as a number within [min, max], or -1. */
    private static int digits(String z, int at, int count, int min, int max) {
        int v = 0;
        for (int k = 0; k < count; k++) {
            char c = charAt(z, at + k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v < min || v > max ? -1 : v;
    }

    private static char charAt(String z, int i) {
        return i < z.length() ? z.charAt(i) : 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean parseYmd(String z, DateTime p) {
        int i = 0;
        boolean negative = charAt(z, 0) == '-';
        if (negative) {
            i++;
        }
        int y = digits(z, i, 4, 0, 9999);
        if (y < 0 || charAt(z, i + 4) != '-') {
            return false;
        }
        int m = digits(z, i + 5, 2, 1, 12);
        if (m < 0 || charAt(z, i + 7) != '-') {
            return false;
        }
        int d = digits(z, i + 8, 2, 1, 31);
        if (d < 0) {
            return false;
        }
        i += 10;
        while (isSpace(charAt(z, i)) || charAt(z, i) == 'T') {
            i++;
        }
        if (!parseHms(z, i, p)) {
            if (i < z.length()) {
                return false;
            }
            p.validHms = false;
        }
        p.validJd = false;
        p.validYmd = true;
        p.year = negative ? -y : y;
        p.month = m;
        p.day = d;
        if (p.validTz) {
            p.computeJd();
        }
        return true;
    }

    private static boolean parseHms(String z, int start, DateTime p) {
        int h = digits(z, start, 2, 0, 24);
        if (h < 0 || charAt(z, start + 2) != ':') {
            return false;
        }
        int m = digits(z, start + 3, 2, 0, 59);
        if (m < 0) {
            return false;
        }
        int i = start + 5;
        int s = 0;
        double fraction = 0;
        if (charAt(z, i) == ':') {
            s = digits(z, i + 1, 2, 0, 59);
            if (s < 0) {
                return false;
            }
            i += 3;
            if (charAt(z, i) == '.' && Character.isDigit(charAt(z, i + 1)) && charAt(z, i + 1) < 128) {
                double scale = 1.0;
                i++;
                while (charAt(z, i) >= '0' && charAt(z, i) <= '9') {
                    fraction = fraction * 10.0 + charAt(z, i) - '0';
                    scale *= 10.0;
                    i++;
                }
                fraction /= scale;
            }
        }
        p.validJd = false;
        p.rawSeconds = false;
        p.validHms = true;
        p.hour = h;
        p.minute = m;
        p.second = s + fraction;
        if (!parseZone(z, i, p)) {
            return false;
        }
        p.validTz = p.tz != 0;
        return true;
    }

    private static boolean parseZone(String z, int start, DateTime p) {
        int i = start;
        while (isSpace(charAt(z, i))) {
            i++;
        }
        p.tz = 0;
        char c = charAt(z, i);
        if (c == 'Z' || c == 'z') {
            i++;
        } else if (c == '+' || c == '-') {
            int h = digits(z, i + 1, 2, 0, 14);
            int m = h < 0 || charAt(z, i + 3) != ':' ? -1 : digits(z, i + 4, 2, 0, 59);
            if (m < 0) {
                return false;
            }
            i += 6;
            p.tz = (c == '-' ? -1 : 1) * (m + h * 60);
        } else {
            return c == 0;
        }
        while (isSpace(charAt(z, i))) {
            i++;
        }
        p.tzSet = true;
        return i >= z.length();
    }

    /** Applies the modifier (the {@code index}th argument, counting the time value as 0); false when it is not one. */
    static boolean applyModifier(String z, int index, DateTime p) {
        String lower = z.toLowerCase(Locale.ROOT);
        char first = lower.isEmpty() ? 0 : lower.charAt(0);
        return switch (first) {
            case 'a' -> lower.equals("auto") && index <= 1 && auto(p);
            case 'j' -> lower.equals("julianday") && index <= 1 && p.validJd && p.rawSeconds && clearRaw(p);
            case 'l' -> lower.equals("localtime") && toLocaltime(p);
            case 'u' -> lower.equals("unixepoch") && p.rawSeconds ? index <= 1 && unixEpoch(p)
                    : lower.equals("utc") && (p.tzSet || toUtc(p));
            case 'w' -> weekday(lower, p);
            case 's' -> startOf(lower, p);
            case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> shift(z, p);
            default -> false;
        };
    }

    private static boolean clearRaw(DateTime p) {
        p.rawSeconds = false;
        return true;
    }

    private static boolean auto(DateTime p) {
        if (!p.rawSeconds || p.validJd) {
            p.rawSeconds = false;
            return true;
        }
        if (p.second >= -210866760000.0 && p.second <= 253402300799.0) {
            p.setUnixSeconds();
            return true;
        }
        return false;
    }

    private static boolean unixEpoch(DateTime p) {
        double r = p.second * 1000.0 + DateTime.UNIX_EPOCH_JD;
        if (r >= 0.0 && r < 464269060800000.0) {
            p.setUnixSeconds();
            return true;
        }
        return false;
    }

    /**
     * {@code localtime} as SQLite 3.40's {@code toLocaltime} with the local zone taken as UTC: the
     * fields of the moment, found for years outside 1970-2037 through a year of the same leap cycle
     * near 2000. Like SQLite it clears an earlier error, leaving 2000-01-01 00:00:00.
     */
    private static boolean toLocaltime(DateTime p) {
        p.computeJd();
        long t;
        int yearShift = 0;
        if (p.jd < DateTime.UNIX_EPOCH_JD || p.jd > 213014145600000L) {
            DateTime x = p.copy();
            x.computeYmdHms();
            yearShift = (2000 + x.year % 4) - x.year;
            x.year += yearShift;
            x.validJd = false;
            x.computeJd();
            t = x.jd / 1000 - DateTime.UNIX_EPOCH_JD / 1000;
        } else {
            t = p.jd / 1000 - DateTime.UNIX_EPOCH_JD / 1000;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC);
        p.year = local.getYear() - yearShift;
        p.month = local.getMonthValue();
        p.day = local.getDayOfMonth();
        p.hour = local.getHour();
        p.minute = local.getMinute();
        p.second = local.getSecond() + (p.jd % 1000) * 0.001;
        p.validYmd = true;
        p.validHms = true;
        p.validJd = false;
        p.rawSeconds = false;
        p.validTz = false;
        p.error = false;
        return true;
    }

    /**
     * {@code utc} as SQLite 3.40 finds it with the local zone taken as UTC: the moment whose local
     * time ({@link #toLocaltime}) is this one, by up to four corrections; clears an earlier error.
     */
    private static boolean toUtc(DateTime p) {
        p.computeJd();
        long original = p.jd;
        long guess = original;
        long error = 0;
        int count = 0;
        do {
            DateTime local = new DateTime();
            guess -= error;
            local.jd = guess;
            local.validJd = true;
            toLocaltime(local);
            local.computeJd();
            error = local.jd - original;
        } while (error != 0 && count++ < 3);
        p.clearAll();
        p.jd = guess;
        p.validJd = true;
        p.tzSet = true;
        return true;
    }

    private static boolean weekday(String z, DateTime p) {
        if (!z.startsWith("weekday ")) {
            return false;
        }
        Object n = wholeNumber(z.substring(8));
        if (n == null) {
            return false;
        }
        double r = ((Number) n).doubleValue();
        int w = (int) r;
        if (w != r || w < 0 || r >= 7) {
            return false;
        }
        p.computeYmdHms();
        p.validTz = false;
        p.validJd = false;
        p.computeJd();
        long day = ((p.jd + 129600000) / 86400000) % 7;
        if (day > w) {
            day -= 7;
        }
        p.jd += (w - day) * 86400000;
        p.clearYmdHmsTz();
        return true;
    }

    private static boolean startOf(String z, DateTime p) {
        if (!z.startsWith("start of ") || (!p.validJd && !p.validYmd && !p.validHms)) {
            return false;
        }
        p.computeYmd();
        p.validHms = true;
        p.hour = 0;
        p.minute = 0;
        p.second = 0.0;
        p.rawSeconds = false;
        p.validTz = false;
        p.validJd = false;
        switch (z.substring(9)) {
            case "month" -> p.day = 1;
            case "year" -> {
                p.month = 1;
                p.day = 1;
            }
            case "day" -> {
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code ±N unit} and {@code ±HH:MM[:SS[.F]]}. */
    private static boolean shift(String z, DateTime p) {
        int n = 1;
        while (n < z.length() && z.charAt(n) != ':' && !isSpace(z.charAt(n))) {
            n++;
        }
        Object number = wholeNumber(z.substring(0, n));
        if (number == null) {
            return false;
        }
        double r = ((Number) number).doubleValue();
        if (charAt(z, n) == ':') {
            return shiftByClock(z, p);
        }
        int i = n;
        while (isSpace(charAt(z, i))) {
            i++;
        }
        String unit = z.substring(i).toLowerCase(Locale.ROOT);
        if (unit.length() > 10 || unit.length() < 3) {
            return false;
        }
        if (unit.endsWith("s")) {
            unit = unit.substring(0, unit.length() - 1);
        }
        p.computeJd();
        boolean applied = false;
        double rounder = r < 0 ? -0.5 : 0.5;
        for (int u = 0; u < UNITS.length; u++) {
            if (UNITS[u].equals(unit) && r > -(double) LIMITS[u] && r < (double) LIMITS[u]) {
                if (u == 4) {
                    p.computeYmdHms();
                    p.month += (int) r;
                    int x = p.month > 0 ? (p.month - 1) / 12 : (p.month - 12) / 12;
                    p.year += x;
                    p.month -= x * 12;
                    p.validJd = false;
                    r -= (int) r;
                } else if (u == 5) {
                    p.computeYmdHms();
                    p.year += (int) r;
                    p.validJd = false;
                    r -= (int) r;
                }
                p.computeJd();
                p.jd += (long) (r * 1000.0 * (double) SECONDS[u] + rounder);
                applied = true;
                break;
            }
        }
        p.clearYmdHmsTz();
        return applied;
    }

    private static boolean shiftByClock(String z, DateTime p) {
        int start = Character.isDigit(z.charAt(0)) ? 0 : 1;
        DateTime tx = new DateTime();
        if (!parseHms(z, start, tx)) {
            return false;
        }
        tx.computeJd();
        tx.jd -= 43200000;
        long day = tx.jd / 86400000;
        tx.jd -= day * 86400000;
        if (z.charAt(0) == '-') {
            tx.jd = -tx.jd;
        }
        p.computeJd();
        p.clearYmdHmsTz();
        p.jd += tx.jd;
        return true;
    }
}
