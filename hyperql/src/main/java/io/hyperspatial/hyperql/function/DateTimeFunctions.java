package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.plan.StatementClock;
import io.hyperspatial.hyperql.value.TextForm;

import java.util.List;
import java.util.function.Function;

/**
 * SQLite's date and time functions ({@code date}, {@code time}, {@code datetime}, {@code julianday},
 * {@code unixepoch}, {@code strftime}) and {@code CURRENT_DATE}, {@code CURRENT_TIME},
 * {@code CURRENT_TIMESTAMP}: a time value and modifiers ({@link DateTimeParser}) in, text or a
 * number out, NULL for anything invalid. "now" and no time value at all read the statement's
 * {@link StatementClock}, so every call in one statement sees the same moment; for that reason
 * none of them is folded into a plan. The local time zone is taken to be UTC. Stateless.
 */
final class DateTimeFunctions {
    private static final int ANY = Integer.MAX_VALUE;

    private DateTimeFunctions() {
    }

    /** Every date and time function. */
    static List<ScalarFunction> all() {
        return List.of(
                moment("date", 0, ANY, DateTimeFunctions::date),
                moment("time", 0, ANY, DateTimeFunctions::time),
                moment("datetime", 0, ANY, x -> date(x) + " " + time(x)),
                moment("julianday", 0, ANY, x -> x.jd / 86400000.0),
                moment("unixepoch", 0, ANY, x -> x.jd / 1000 - DateTime.UNIX_EPOCH_JD / 1000),
                moment("current_date", 0, 0, DateTimeFunctions::date),
                moment("current_time", 0, 0, DateTimeFunctions::time),
                moment("current_timestamp", 0, 0, x -> date(x) + " " + time(x)),
                new ScalarFunction("strftime", 0, ANY, false, DateTimeFunctions::strftime));
    }

    /** A function of the moment its arguments (a time value, then modifiers) name; NULL when they name none. */
    private static ScalarFunction moment(String name, int min, int max, Function<DateTime, Object> result) {
        return new ScalarFunction(name, min, max, false, (a, clock) -> {
            DateTime x = moment(a, 0, clock);
            return x == null ? null : result.apply(x);
        });
    }

    /** SQLite's {@code isDate}: the moment {@code a[from]} and the modifiers after it name, or null. */
    static DateTime moment(Object[] a, int from, StatementClock clock) {
        DateTime p = new DateTime();
        long now = clock.epochMillis() + DateTime.UNIX_EPOCH_JD;
        if (a.length == from) {
            p.jd = now;
            p.validJd = true;
        } else if (a[from] instanceof Long || a[from] instanceof Double) {
            p.setRawNumber(((Number) a[from]).doubleValue());
        } else if (a[from] == null || !DateTimeParser.parseValue(TextForm.of(a[from]), p, now)) {
            return null;
        }
        for (int i = from + 1; i < a.length; i++) {
            if (a[i] == null || !DateTimeParser.applyModifier(TextForm.of(a[i]), i - from, p)) {
                return null;
            }
        }
        p.computeJd();
        return p.error || !DateTime.validJulianDay(p.jd) ? null : p;
    }

    private static String date(DateTime x) {
        x.computeYmdHms();
        return year(x.year) + "-" + twoDigits(x.month) + "-" + twoDigits(x.day);
    }

    private static String time(DateTime x) {
        x.computeYmdHms();
        return twoDigits(x.hour) + ":" + twoDigits(x.minute) + ":" + twoDigits((int) x.second);
    }

    private static String year(int y) {
        String digits = Integer.toString(Math.abs(y));
        return (y < 0 ? "-" : "") + "0".repeat(Math.max(0, 4 - digits.length())) + digits;
    }

    private static String twoDigits(int v) {
        return v < 10 && v >= 0 ? "0" + v : Integer.toString(v);
    }

    /**
     * {@code strftime(FORMAT, TIME, MODIFIERS...)} with SQLite 3.40's conversions {@code %d %f %H %j
     * %J %m %M %s %S %w %W %Y %%}; any other conversion makes the result NULL.
     */
    private static Object strftime(Object[] a, StatementClock clock) {
        if (a.length == 0 || a[0] == null) {
            return null;
        }
        String fmt = TextForm.of(a[0]);
        DateTime x = moment(a, 1, clock);
        if (x == null) {
            return null;
        }
        x.computeJd();
        x.computeYmdHms();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            i++;
            char conversion = i < fmt.length() ? fmt.charAt(i) : 0;
            switch (conversion) {
                case 'd' -> out.append(twoDigits(x.day));
                case 'f' -> out.append(SqlPrintf.format("%06.3f", new Object[] {Math.min(x.second, 59.999)}));
                case 'H' -> out.append(twoDigits(x.hour));
                case 'W', 'j' -> {
                    DateTime y = x.copy();
                    y.validJd = false;
                    y.month = 1;
                    y.day = 1;
                    y.computeJd();
                    int dayOfYear = (int) ((x.jd - y.jd + 43200000) / 86400000);
                    if (conversion == 'W') {
                        int weekday = (int) (((x.jd + 43200000) / 86400000) % 7);
                        out.append(twoDigits((dayOfYear + 7 - weekday) / 7));
                    } else {
                        out.append(SqlPrintf.format("%03d", new Object[] {(long) dayOfYear + 1}));
                    }
                }
                case 'J' -> out.append(SqlPrintf.format("%.16g", new Object[] {x.jd / 86400000.0}));
                case 'm' -> out.append(twoDigits(x.month));
                case 'M' -> out.append(twoDigits(x.minute));
                case 's' -> out.append(x.jd / 1000 - DateTime.UNIX_EPOCH_JD / 1000);
                case 'S' -> out.append(twoDigits((int) x.second));
                case 'w' -> out.append((x.jd + 129600000) / 86400000 % 7);
                case 'Y' -> out.append(SqlPrintf.format("%04d", new Object[] {(long) x.year}));
                case '%' -> out.append('%');
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
