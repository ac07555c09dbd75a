package io.hyperspatial.manifold.feed;

import io.hyperspatial.manifold.ChainWorkload;
import io.hyperspatial.manifold.Collection;
import io.hyperspatial.manifold.Database;
import io.hyperspatial.manifold.DatabaseOptions;
import io.hyperspatial.manifold.Durability;
import io.hyperspatial.manifold.Poll;
import io.hyperspatial.manifold.StoragePreset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir Path dir;
    private Database db;
    private Collection c;

    @BeforeEach
    void open() {
        db = Database.open(dir, DatabaseOptions.preset(StoragePreset.SMALL));
        c = db.createCollection("subs");
        ChainWorkload.defineSchema(c);
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Collects events, in the order the subscription delivers them. */
    private static final class Recorder implements ChangeListener {
        final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        @Override
        public void onEvent(ChangeEvent event) {
            events.add(event);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
        }

        List<Long> sequences() {
            return events.stream().map(ChangeEvent::sequence).toList();
        }

        long lastSequence() {
            return events.isEmpty() ? 0 : events.getLast().sequence();
        }
    }

    private List<ChangeEvent> wholeFeed() {
        return c.changes().read(0, 100_000);
    }

    @Test
    void fromZeroReceivesEventsWrittenBeforeAndAfterSubscribingInOrder() {
        ChainWorkload chain = new ChainWorkload("n");
        for (int i = 1; i <= 10; i++) {
            chain.write(c, Durability.STRICT, i);
        }
        Recorder recorder = new Recorder();
        try (Subscription sub = c.changes().subscribe(0, recorder)) {
            for (int i = 11; i <= 20; i++) {
                chain.write(c, Durability.STRICT, i);
            }
            long last = c.changes().lastSequence();
            Poll.until(WAIT, () -> recorder.lastSequence() == last, "delivery through sequence " + last);
            assertThat(sub.isRunning()).isTrue();
            assertThat(sub.lastDelivered()).isEqualTo(last);
        }
        assertThat(recorder.events).as("schema event and 20 operations, in order").hasSize(21).isEqualTo(wholeFeed());
        assertThat(recorder.error.get()).isNull();
    }

    @Test
    void resumingFromLastDeliveredOfAClosedSubscriptionDeliversOnlyTheRest() throws Exception {
        Recorder first = new Recorder();
        Subscription sub = c.changes().subscribe(0, first);
        CountDownLatch firstClosed = new CountDownLatch(1);
        List<Throwable> writerErrors = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            ChainWorkload chain = new ChainWorkload("w" + t);
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 1; i <= 40; i++) {
                        if (i == 21 && !firstClosed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                            throw new AssertionError("the first subscription was never closed");
                        }
                        chain.write(c, Durability.ASYNC, i);
                    }
                } catch (Throwable e) {
                    writerErrors.add(e);
                }
            }));
        }
        Poll.until(WAIT, () -> first.events.size() >= 20, "the first subscription to receive 20 events");
        sub.close();
        firstClosed.countDown();
        assertThat(sub.isRunning()).isFalse();
        long resumeAfter = sub.lastDelivered();
        int receivedAtClose = first.events.size();
        assertThat(c.changes().read(first.lastSequence(), resumeAfter, 100))
                .as("no event between the last one handled and lastDelivered()").isEmpty();

        Recorder second = new Recorder();
        try (Subscription rest = c.changes().subscribe(resumeAfter, second)) {
            for (Thread w : writers) {
                w.join();
            }
            assertThat(writerErrors).isEmpty();
            long last = c.changes().lastSequence();
            Poll.until(WAIT, () -> second.lastSequence() == last || second.error.get() != null,
                    "the second subscription to reach " + last);
            assertThat(rest.lastDelivered()).isEqualTo(last);
        }

        assertThat(first.error.get()).isNull();
        assertThat(second.error.get()).isNull();
        assertThat(first.events).as("nothing delivered after close").hasSize(receivedAtClose);
        assertThat(second.sequences()).allSatisfy(s -> assertThat(s).isGreaterThan(resumeAfter));
        List<ChangeEvent> both = new ArrayList<>(first.events);
        both.addAll(second.events);
        assertThat(both).as("the two subscriptions together: every event once, in order").isEqualTo(wholeFeed());
        assertThat(both).hasSize(1 + 2 * 40);
    }

    @Test
    void subscribingAtTheEndWaitsForNewEvents() {
        ChainWorkload chain = new ChainWorkload("n");
        chain.write(c, Durability.STRICT, 1);
        long start = c.changes().lastSequence();
        Recorder recorder = new Recorder();
        try (Subscription sub = c.changes().subscribe(start, recorder)) {
            long seq = chain.write(c, Durability.STRICT, 2);
            Poll.until(WAIT, () -> recorder.lastSequence() == seq, "delivery of the new event");
            assertThat(recorder.sequences()).containsExactly(seq);
            assertThat(sub.lastDelivered()).isEqualTo(seq);
        }
    }

    @Test
    void aListenerThatThrowsEndsTheSubscriptionAndHearsWhy() {
        ChainWorkload chain = new ChainWorkload("n");
        for (int i = 1; i <= 5; i++) {
            chain.write(c, Durability.STRICT, i);
        }
        IllegalStateException failure = new IllegalStateException("consumer broke");
        List<Long> seen = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> reported = new AtomicReference<>();
        try (Subscription sub = c.changes().subscribe(0, new ChangeListener() {
            @Override
            public void onEvent(ChangeEvent event) {
                seen.add(event.sequence());
                if (seen.size() == 3) {
                    throw failure;
                }
            }

            @Override
            public void onError(Throwable error) {
                reported.set(error);
            }
        })) {
            Poll.until(WAIT, () -> !sub.isRunning(), "the subscription to end");
            assertThat(reported.get()).isSameAs(failure);
            assertThat(seen).containsExactly(1L, 2L, 3L);
            assertThat(sub.lastDelivered()).as("the failed event was not handled").isEqualTo(2);
        }
    }
}
