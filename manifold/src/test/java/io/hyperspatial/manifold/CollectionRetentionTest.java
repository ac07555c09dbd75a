package io.hyperspatial.manifold;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.FeedTruncatedException;
import io.hyperspatial.manifold.feed.ChangeEvent;
import io.hyperspatial.manifold.table.MeasurePoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retention pass the database's maintenance thread runs on every open collection. */
class CollectionRetentionTest {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    @TempDir
    Path dir;

    private static DatabaseOptions options() {
        return DatabaseOptions.preset(StoragePreset.SMALL).withChangeRetention(3);
    }

    @Test
    void trimsTheChangeFeedToItsRetention() {
        try (Database db = Database.open(dir, options())) {
            Collection c = TestCollections.create(db, "people");
            for (int i = 0; i < 8; i++) {
                String key = "k" + i;
                c.write(tx -> tx.upsertEntity(key, "Person"));
            }
            long last = c.changes().lastSequence();

            c.applyRetention(System.currentTimeMillis());

            assertThat(c.changes().oldestResumable()).isEqualTo(last - 3);
            List<ChangeEvent> kept = c.changes().read(last - 3, 100);
            assertThat(kept).extracting(ChangeEvent::sequence).containsExactly(last - 2, last - 1, last);
            assertThatThrownBy(() -> c.changes().read(0, 100))
                    .isInstanceOfSatisfying(FeedTruncatedException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.FEED_TRUNCATED);
                        assertThat(e.oldestAvailable()).isEqualTo(last - 2);
                    });
        }
        try (Database db = Database.open(dir, options())) {
            Collection c = db.collection("people");
            long last = c.changes().lastSequence();
            assertThat(c.changes().oldestResumable()).isEqualTo(last - 3);
            assertThat(c.changes().read(last - 3, 100)).hasSize(3);
        }
    }

    @Test
    void removesExpiredMeasurePoints() {
        try (Database db = Database.open(dir, options())) {
            Collection c = TestCollections.create(db, "people");
            // Far in the future, so the maintenance thread's own pass (at the wall clock) never touches them.
            long now = System.currentTimeMillis() + 365 * 24 * HOUR;
            UUID alice = c.ids().forKey("alice");
            c.write(tx -> {
                tx.upsertEntity("alice", "Person");
                tx.appendMeasure(alice, "recent", now - 2 * HOUR, 1);
                tx.appendMeasure(alice, "recent", now - HOUR / 2, 2);
                tx.appendMeasure(alice, "temp", now - 2 * HOUR, 3);
            });

            c.applyRetention(now);

            try (ReadView v = c.snapshot()) {
                assertThat(v.measures().range(alice, "recent", Long.MIN_VALUE, Long.MAX_VALUE))
                        .containsExactly(new MeasurePoint(now - HOUR / 2, 2));
                assertThat(v.measures().range(alice, "temp", Long.MIN_VALUE, Long.MAX_VALUE))
                        .containsExactly(new MeasurePoint(now - 2 * HOUR, 3));
            }
        }
    }
}
