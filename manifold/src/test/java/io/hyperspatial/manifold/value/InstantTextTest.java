package io.hyperspatial.manifold.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantTextTest {
    @Test
    void parsesWhatInstantPrintsAsInstantParseDoes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong(-62_135_596_800L, 253_402_300_800L); // years 1 to 9999
            int nanos = switch (i % 4) { // Instant prints 0, 3, 6 or 9 fraction digits
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(InstantText.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T03:04:05Z", "2026-01-02T03:04:05.1Z", "2026-01-02T03:04:05.12Z",
            "2026-01-02T03:04:05.1234Z", "2026-01-02T03:04:05.12345678Z", "2026-01-02T03:04:05.123456789Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "2024-02-29T12:00:00Z",
            "2026-01-02T03:04:05+01:00", "2026-01-02T03:04:05.5-02:30", "2016-12-31T23:59:60Z", "+12026-01-02T03:04:05Z",
            "2026-01-02T24:00:00Z", "2026-01-02T03:04:05.Z"})
    void agreesWithInstantParseOnEveryAcceptedForm(String text) {
        assertThat(InstantText.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-02T03:60:00Z", "2026-01-02T03:04:05.1234567890Z", "2026-01-02 03:04:05Z",
            "2026-01-02T03:04:05", "2026-1-02T03:04:05Z", "20260102T030405Z", "2026-01-02T03:04:0xZ", "", "yesterday"})
    void rejectsWhatInstantParseRejectsWithItsException(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> InstantText.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void fractionDigitsScaleToNanoseconds() {
        assertThat(InstantText.parse("2026-01-02T03:04:05.5Z").getNano()).isEqualTo(500_000_000);
        assertThat(InstantText.parse("2026-01-02T03:04:05.000000007Z").getNano()).isEqualTo(7);
    }
}
