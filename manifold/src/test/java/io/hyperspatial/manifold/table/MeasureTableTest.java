package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TestCollections;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.store.Lease;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MeasureTableTest extends TwoPeopleFixture {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private void append(UUID id, String measure, long... timesThenValues) {
        people.write(tx -> {
            for (int i = 0; i < timesThenValues.length; i += 2) {
                tx.appendMeasure(id, measure, timesThenValues[i], timesThenValues[i + 1]);
            }
        });
    }

    private List<MeasurePoint> range(UUID id, String measure, long from, long to) {
        try (ReadView v = people.snapshot()) {
            return v.measures().range(id, measure, from, to);
        }
    }

    private List<Bucket> downsample(UUID id, long from, long to, Resolution resolution) {
        try (ReadView v = people.snapshot()) {
            return v.measures().downsample(id, "temp", from, to, resolution);
        }
    }

    @Test
    void aRangeIncludesItsStartAndExcludesItsEnd() {
        append(alice, "temp", 1_000, 1, 2_000, 2, 3_000, 3);

        assertThat(range(alice, "temp", 1_000, 3_000)).containsExactly(new MeasurePoint(1_000, 1), new MeasurePoint(2_000, 2));
        assertThat(range(alice, "temp", 1_001, 3_001)).containsExactly(new MeasurePoint(2_000, 2), new MeasurePoint(3_000, 3));
        assertThat(range(alice, "temp", 2_000, 2_000)).isEmpty();
        assertThat(range(alice, "temp", 2_000, 2_001)).containsExactly(new MeasurePoint(2_000, 2));
        assertThat(range(alice, "temp", 3_001, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void pointsComeBackOldestFirstWhateverTheOrderTheyWereWritten() {
        append(alice, "temp", 500, 5, -2_000, -2, 0, 0, Long.MIN_VALUE, -9, -1, -1, 70_000, 7);

        assertThat(range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).extracting(MeasurePoint::timeMillis)
                .containsExactly(Long.MIN_VALUE, -2_000L, -1L, 0L, 500L, 70_000L);
        assertThat(range(alice, "temp", -2_000, 0)).extracting(MeasurePoint::value).containsExactly(-2.0, -1.0);
    }

    @Test
    void aPointAtTheSameTimeReplacesTheOldOne() {
        append(alice, "temp", 1_000, 10);
        append(alice, "temp", 1_000, 20);

        assertThat(range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(new MeasurePoint(1_000, 20));
    }

    @Test
    void seriesOfOtherMeasuresAndEntitiesAreSeparate() {
        append(alice, "temp", 1_000, 1);
        append(alice, "recent", 1_000, 2);
        append(bob, "temp", 1_000, 3);

        assertThat(range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(new MeasurePoint(1_000, 1));
        assertThat(range(alice, "recent", Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(new MeasurePoint(1_000, 2));
        assertThat(range(bob, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(new MeasurePoint(1_000, 3));
        assertThat(range(bob, "recent", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void downsamplingByMinuteAggregatesEachNonEmptyBucket() {
        append(alice, "temp",
                0, 4, 10_000, -2, 59_999, 10,
                MINUTE, 7,
                3 * MINUTE + 1, 1, 3 * MINUTE + 2, 3);

        List<Bucket> buckets = downsample(alice, Long.MIN_VALUE, Long.MAX_VALUE, Resolution.MINUTE);

        assertThat(buckets).containsExactly(
                new Bucket(0, 3, -2, 10, 12),
                new Bucket(MINUTE, 1, 7, 7, 7),
                new Bucket(3 * MINUTE, 2, 1, 3, 4));
        assertThat(buckets.get(0).mean()).isEqualTo(4.0);
        assertThat(buckets.get(2).mean()).isEqualTo(2.0);
    }

    @Test
    void downsamplingBucketsNegativeTimesBelowTheEpochNotTowardsIt() {
        append(alice, "temp", -MINUTE - 1, 100, -MINUTE, 1, -1, 2, 0, 50);

        assertThat(downsample(alice, Long.MIN_VALUE, Long.MAX_VALUE, Resolution.MINUTE)).containsExactly(
                new Bucket(-2 * MINUTE, 1, 100, 100, 100),
                new Bucket(-MINUTE, 2, 1, 2, 3),
                new Bucket(0, 1, 50, 50, 50));
        assertThat(downsample(alice, Long.MIN_VALUE, Long.MAX_VALUE, Resolution.HOUR)).containsExactly(
                new Bucket(-HOUR, 3, 1, 100, 103),
                new Bucket(0, 1, 50, 50, 50));
        assertThat(downsample(alice, Long.MIN_VALUE, Long.MAX_VALUE, Resolution.DAY)).containsExactly(
                new Bucket(-DAY, 3, 1, 100, 103),
                new Bucket(0, 1, 50, 50, 50));
    }

    @Test
    void downsamplingByHourAndDayGroupsAlignedToTheEpoch() {
        append(alice, "temp",
                HOUR - 1, 1,
                HOUR, 2, HOUR + 30 * MINUTE, 4,
                DAY + 5 * HOUR, 8,
                3 * DAY, -16);

        assertThat(downsample(alice, Long.MIN_VALUE, Long.MAX_VALUE, Resolution.HOUR)).containsExactly(
                new Bucket(0, 1, 1, 1, 1),
                new Bucket(HOUR, 2, 2, 4, 6),
                new Bucket(DAY + 5 * HOUR, 1, 8, 8, 8),
                new Bucket(3 * DAY, 1, -16, -16, -16));
        List<Bucket> days = downsample(alice, Long.MIN_VALUE, Long.MAX_VALUE, Resolution.DAY);
        assertThat(days).containsExactly(
                new Bucket(0, 3, 1, 4, 7),
                new Bucket(DAY, 1, 8, 8, 8),
                new Bucket(3 * DAY, 1, -16, -16, -16));
        assertThat(days.get(0).mean()).isCloseTo(7.0 / 3, within(1e-12));
    }

    @Test
    void downsamplingHonoursTheRange() {
        append(alice, "temp", 0, 1, 30_000, 2, MINUTE, 3, MINUTE + 30_000, 4);

        assertThat(downsample(alice, 30_000, MINUTE + 30_000, Resolution.MINUTE)).containsExactly(
                new Bucket(0, 1, 2, 2, 2),
                new Bucket(MINUTE, 1, 3, 3, 3));
        assertThat(downsample(alice, 5 * MINUTE, 6 * MINUTE, Resolution.MINUTE)).isEmpty();
    }

    @Test
    void retentionRemovesOnlyPointsOlderThanTheMeasureKeeps() {
        // Far in the future, so the database's own retention pass (run against the wall clock) never touches them.
        long now = System.currentTimeMillis() + 365 * DAY;
        append(alice, "recent", now - 2 * HOUR, 1, now - HOUR - 1, 2, now - HOUR, 3, now - 30 * MINUTE, 4, now, 5);
        append(bob, "recent", now - 3 * HOUR, 6, now - 10 * MINUTE, 7);
        append(alice, "temp", 0, 8, now - 5 * DAY, 9);
        UUID carol = people.ids().forKey("carol");
        people.write(tx -> tx.upsertEntity("carol", "Person"));
        append(carol, "recent", now - MINUTE, 10);

        int trimmed;
        try (Lease lease = people.acquire()) {
            trimmed = MeasureRetention.apply(lease.store(), people.schema(), now);
        }

        assertThat(trimmed).as("series that had expired points").isEqualTo(2);
        assertThat(range(alice, "recent", Long.MIN_VALUE, Long.MAX_VALUE)).extracting(MeasurePoint::value)
                .containsExactly(3.0, 4.0, 5.0);
        assertThat(range(bob, "recent", Long.MIN_VALUE, Long.MAX_VALUE)).extracting(MeasurePoint::value)
                .containsExactly(7.0);
        assertThat(range(carol, "recent", Long.MIN_VALUE, Long.MAX_VALUE)).extracting(MeasurePoint::value)
                .containsExactly(10.0);
        assertThat(range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).as("kept forever").extracting(MeasurePoint::value)
                .containsExactly(8.0, 9.0);

        try (Lease lease = people.acquire()) {
            assertThat(MeasureRetention.apply(lease.store(), people.schema(), now)).as("nothing left to trim").isZero();
        }
    }

    @Test
    void retentionEmitsNoChangeEvent() {
        long now = System.currentTimeMillis() + 365 * DAY;
        append(alice, "recent", now - 2 * HOUR, 1);
        long sequence = people.changes().lastSequence();

        try (Lease lease = people.acquire()) {
            MeasureRetention.apply(lease.store(), people.schema(), now);
        }

        assertThat(range(alice, "recent", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
        assertThat(people.changes().lastSequence()).isEqualTo(sequence);
    }

    @Test
    void invalidPointsAreRejected() {
        UUID ghost = people.ids().forKey("ghost");

        assertThatThrownBy(() -> append(ghost, "temp", 1, 1))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_NOT_FOUND));
        assertThatThrownBy(() -> people.write(tx -> tx.appendMeasure(alice, "temp", 1, Double.NaN)))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NON_FINITE_VALUE);
                    assertThat(e.field()).contains("temp");
                });
        assertThatThrownBy(() -> append(alice, "pressure", 1, 1))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_FIELD);
                    assertThat(e.field()).contains("pressure");
                });
        assertThat(range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void pointsSurviveAReopen() {
        append(alice, "temp", -5, 1, 5, 2);

        db.close();
        db = TestCollections.open(dir);
        people = db.collection("people");

        assertThat(range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE))
                .containsExactly(new MeasurePoint(-5, 1), new MeasurePoint(5, 2));
    }
}
