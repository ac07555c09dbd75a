package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.plan.ScalarFunction;
import io.hyperspatial.hyperql.plan.StatementClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The date and time functions against a statement's clock, and the parser's corners that
 * datetime.test shows less clearly. Expected values are SQLite 3.40.1's (python3's sqlite3).
 */
class DateTimeFunctionsTest {

    private static Object call(String name, StatementClock clock, Object... arguments) {
        return ScalarFunctions.named(name).orElseThrow().implementation().apply(arguments, clock);
    }

    @Test
    void nowIsTheSameMomentForEveryCallOfOneStatement() {
        StatementClock clock = new StatementClock();
        Object first = call("strftime", clock, "%Y-%m-%d %H:%M:%f", "now");
        Object julian = call("julianday", clock, "now");

        assertThat(call("strftime", clock, "%Y-%m-%d %H:%M:%f")).isEqualTo(first);
        assertThat(call("julianday", clock)).isEqualTo(julian);
        assertThat(call("current_timestamp", clock)).isEqualTo(call("datetime", clock, "now"));
        assertThat((String) call("current_date", clock)).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void functionsThatMayReadTheClockAreNeverFoldedIntoAPlan() {
        for (String name : List.of("date", "time", "datetime", "julianday", "unixepoch", "strftime", "current_date",
                "current_time", "current_timestamp", "random", "randomblob")) {
            ScalarFunction f = ScalarFunctions.named(name).orElseThrow();
            assertThat(f.deterministic()).as(name).isFalse();
        }
        assertThat(ScalarFunctions.named("printf").orElseThrow().deterministic()).isTrue();
        assertThat(ScalarFunctions.named("sqrt").orElseThrow().deterministic()).isTrue();
    }

    @Test
    void aParsedDayIsKeptUntilAModifierRecomputesIt() {
        StatementClock clock = new StatementClock();
        assertThat(call("date", clock, "2024-02-30")).isEqualTo("2024-02-30");
        assertThat(call("date", clock, "2024-02-30", "+0 days")).isEqualTo("2024-03-01");
        assertThat(call("time", clock, "24:00")).isEqualTo("24:00:00");
        assertThat(call("date", clock, "2024-01-31", "+1 month")).isEqualTo("2024-03-02");
    }

    @Test
    void invalidValuesAndModifiersGiveNull() {
        StatementClock clock = new StatementClock();
        assertThat(call("date", clock, "2024-13-01")).isNull();
        assertThat(call("date", clock, "2024-01-01", "+1 fortnight")).isNull();
        assertThat(call("date", clock, "2024-01-01", (Object) null)).isNull();
        assertThat(call("date", clock, "9999-12-31", "+1 day")).isNull();
        assertThat(call("strftime", clock, "%k", "2024-01-01")).isNull();
    }

    @Test
    void localtimeAndUtcTakeTheZoneAsUtc() {
        StatementClock clock = new StatementClock();
        assertThat(call("datetime", clock, "2024-06-15 08:07:06", "localtime")).isEqualTo("2024-06-15 08:07:06");
        assertThat(call("datetime", clock, "2024-06-15 08:07:06", "utc")).isEqualTo("2024-06-15 08:07:06");
        assertThat(call("datetime", clock, "2024-01-01 10:00+02:00", "utc")).isEqualTo("2024-01-01 08:00:00");
    }
}
