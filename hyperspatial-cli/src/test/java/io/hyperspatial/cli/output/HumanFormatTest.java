package io.hyperspatial.cli.output;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class HumanFormatTest {
    @Test
    void bytesInBinaryUnits() {
        assertThat(HumanFormat.bytes(0)).isEqualTo("0 B");
        assertThat(HumanFormat.bytes(1023)).isEqualTo("1023 B");
        assertThat(HumanFormat.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(HumanFormat.bytes(13_076_605)).isEqualTo("12.5 MiB");
        assertThat(HumanFormat.bytes(5L << 40)).isEqualTo("5.0 TiB");
    }

    @Test
    void countsWithSeparators() {
        assertThat(HumanFormat.count(19_500)).isEqualTo("19,500");
        assertThat(HumanFormat.count(7)).isEqualTo("7");
    }

    @Test
    void retentionInTheLargestWholeUnit() {
        assertThat(HumanFormat.retention(Duration.ZERO)).isEqualTo("forever");
        assertThat(HumanFormat.retention(Duration.ofDays(30))).isEqualTo("30 days");
        assertThat(HumanFormat.retention(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(HumanFormat.retention(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(HumanFormat.retention(Duration.ofSeconds(61))).isEqualTo("61 seconds");
        assertThat(HumanFormat.retention(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    }
}
