package io.hyperspatial.hyperql.function;

import io.hyperspatial.hyperql.error.ErrorCode;
import io.hyperspatial.hyperql.error.HqlExecutionException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The corners of {@link SqlPrintf} that printf.test shows less clearly: NULL when nothing was
 * printed, bytes against characters, the digits of SQLite's long double arithmetic and the size
 * limit. Expected strings are SQLite 3.40.1's (python3's sqlite3).
 */
class SqlPrintfTest {

    @Test
    void outputThatNeverStartedIsNullButAnEmptyConversionIsText() {
        assertThat(SqlPrintf.format("", new Object[0])).isNull();
        assertThat(SqlPrintf.format("%yabc", new Object[0])).isNull();
        assertThat(SqlPrintf.format("%s", new Object[] {""})).isEmpty();
        assertThat(SqlPrintf.format("%n", new Object[0])).isEmpty();
        assertThat(SqlPrintf.format("ab%yc", new Object[0])).isEqualTo("ab");
    }

    @Test
    void widthCountsBytesUnlessTheBangFlagAsksForCharacters() {
        assertThat(SqlPrintf.format("%5s|", new Object[] {"é"})).isEqualTo("   é|");
        assertThat(SqlPrintf.format("%!5s|", new Object[] {"é"})).isEqualTo("    é|");
        assertThat(SqlPrintf.format("%!.1s|", new Object[] {"éa"})).isEqualTo("é|");
        assertThat(SqlPrintf.format("%5c|", new Object[] {"é"})).isEqualTo("    é|");
    }

    @Test
    void realDigitsFollowSqlitesLongDoubleArithmetic() {
        // The half-unit rounder falls below the last bit of the 64-bit significand: digits are truncated.
        assertThat(SqlPrintf.format("%!.20e", new Object[] {1 / 3.0})).isEqualTo("3.33333333333333314829e-01");
        assertThat(SqlPrintf.format("%.20f", new Object[] {0.3})).isEqualTo("0.29999999999999990000");
        assertThat(SqlPrintf.format("%.2f", new Object[] {1.005})).isEqualTo("1.01");
        assertThat(SqlPrintf.format("%.0f %.0f", new Object[] {0.5, 2.5})).isEqualTo("1 3");
        assertThat(SqlPrintf.format("%g|%g", new Object[] {100000L, 1000000L})).isEqualTo("100000|1e+06");
    }

    @Test
    void argumentsAreCoercedAsSqliteReadsThem() {
        assertThat(SqlPrintf.format("%d %d %d", new Object[] {"12abc", 3.99, 1e30})).isEqualTo("12 3 9223372036854775807");
        assertThat(SqlPrintf.format("%d|%s|%f|%q|%Q", new Object[0])).isEqualTo("0||0.000000|(NULL)|NULL");
        assertThat(SqlPrintf.format("%u %x", new Object[] {-1L, -1L})).isEqualTo("18446744073709551615 ffffffffffffffff");
    }

    @Test
    void aFieldLongerThanSqlitesLengthLimitIsRefused() {
        HqlExecutionException e = catchThrowableOfType(HqlExecutionException.class,
                () -> SqlPrintf.format("%.1000000001d", new Object[] {1L}));

        assertThat(e.code()).isEqualTo(ErrorCode.HQL_OUT_OF_RANGE);
        assertThat(e.getMessage()).isEqualTo("string or blob too big");
    }
}
