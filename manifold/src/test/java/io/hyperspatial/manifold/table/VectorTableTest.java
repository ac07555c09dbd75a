package io.hyperspatial.manifold.table;

import io.hyperspatial.manifold.ReadView;
import io.hyperspatial.manifold.TestCollections;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.ManifoldException;
import io.hyperspatial.manifold.error.NotFoundException;
import io.hyperspatial.manifold.error.SchemaViolationException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorTableTest extends TwoPeopleFixture {
    private ReadView view() {
        return people.snapshot();
    }

    @Test
    void denseVectorsRoundTripBitForBit() {
        float[] raw = {Float.MIN_VALUE, -Float.MAX_VALUE, -0f, 1e-30f};
        float[] emb = {0.1f, -0.2f, 0.3f};
        float[] ball = {0.5f, -0.5f};
        float[] hyper = {(float) Math.sqrt(1 + 0.09 + 0.16), 0.3f, 0.4f};

        people.write(tx -> {
            tx.setVector(alice, "raw", raw);
            tx.setVector(alice, "emb", emb);
            tx.setVector(alice, "ball", ball);
            tx.setVector(alice, "hyper", hyper);
        });

        try (ReadView v = view()) {
            assertThat(v.vectors().dense(alice, "raw").orElseThrow()).usingElementComparator(VectorTableTest::bitwise)
                    .containsExactly(raw[0], raw[1], raw[2], raw[3]);
            assertThat(v.vectors().dense(alice, "emb").orElseThrow()).containsExactly(emb);
            assertThat(v.vectors().dense(alice, "ball").orElseThrow()).containsExactly(ball);
            assertThat(v.vectors().dense(alice, "hyper").orElseThrow()).containsExactly(hyper);
            assertThat(v.vectors().dense(bob, "raw")).isEmpty();
        }
    }

    private static int bitwise(Float a, Float b) {
        return Integer.compare(Float.floatToRawIntBits(a), Float.floatToRawIntBits(b));
    }

    @Test
    void sparseVectorsRoundTrip() {
        people.write(tx -> {
            tx.setSparseVector(alice, "terms", new int[]{0, 17, 99}, new float[]{0.5f, -1f, 3f});
            tx.setSparseVector(bob, "terms", new int[0], new float[0]);
        });

        try (ReadView v = view()) {
            assertThat(v.vectors().sparse(alice, "terms"))
                    .contains(new SparseVector(new int[]{0, 17, 99}, new float[]{0.5f, -1f, 3f}));
            assertThat(v.vectors().sparse(bob, "terms")).contains(new SparseVector(new int[0], new float[0]));
        }
    }

    @Test
    void multiVectorsRoundTripInOrder() {
        List<float[]> passages = List.of(new float[]{1, 2}, new float[]{-3, 4}, new float[]{0, 0});

        people.write(tx -> tx.setMultiVector(alice, "passages", passages));

        try (ReadView v = view()) {
            List<float[]> read = v.vectors().multi(alice, "passages").orElseThrow();
            assertThat(read).hasSize(3);
            for (int i = 0; i < passages.size(); i++) {
                assertThat(read.get(i)).containsExactly(passages.get(i));
            }
        }
    }

    @Test
    void settingAVectorAgainReplacesIt() {
        people.write(tx -> tx.setVector(alice, "raw", new float[]{1, 1, 1, 1}));
        people.write(tx -> tx.setVector(alice, "raw", new float[]{2, 2, 2, 2}));
        people.write(tx -> tx.setMultiVector(alice, "passages", List.of(new float[]{1, 1}, new float[]{2, 2})));
        people.write(tx -> tx.setMultiVector(alice, "passages", List.<float[]>of(new float[]{3, 3})));

        try (ReadView v = view()) {
            assertThat(v.vectors().dense(alice, "raw").orElseThrow()).containsExactly(2, 2, 2, 2);
            assertThat(v.vectors().multi(alice, "passages").orElseThrow()).singleElement()
                    .satisfies(p -> assertThat(p).containsExactly(3, 3));
        }
    }

    @Test
    void removingAVectorReportsWhetherThereWasOne() {
        people.write(tx -> tx.setVector(alice, "raw", new float[]{1, 2, 3, 4}));

        people.write(tx -> {
            assertThat(tx.removeVector(alice, "raw")).isTrue();
            assertThat(tx.vectors().dense(alice, "raw")).isEmpty();
            assertThat(tx.removeVector(alice, "raw")).isFalse();
            assertThat(tx.removeVector(bob, "raw")).isFalse();
            assertThat(tx.removeVector(bob, "terms")).as("a field never written to").isFalse();
        });

        try (ReadView v = view()) {
            assertThat(v.vectors().dense(alice, "raw")).isEmpty();
            assertThat(v.vectors().sparse(alice, "terms")).isEmpty();
        }
    }

    @Test
    void forEachDenseVisitsEveryVectorOfTheFieldInIdOrder() {
        Map<UUID, float[]> written = new LinkedHashMap<>();
        people.write(tx -> {
            for (int i = 0; i < 30; i++) {
                UUID id = tx.upsertEntity("v" + i, "Person");
                float[] vector = {i, i + 1, i + 2, i + 3};
                tx.setVector(id, "raw", vector);
                written.put(id, vector);
            }
            tx.setVector(alice, "emb", new float[]{1, 0, 0});
        });

        List<UUID> order = new ArrayList<>();
        try (ReadView v = view()) {
            v.vectors().forEachDense("raw", (id, vector) -> {
                order.add(id);
                assertThat(vector).containsExactly(written.get(id));
            });
        }

        assertThat(order).containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(order).isSortedAccordingTo((a, b) -> {
            int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        });
    }

    @Test
    void aFieldNeverWrittenReadsEmpty() {
        try (ReadView v = view()) {
            assertThat(v.vectors().multi(alice, "passages")).isEmpty();
            List<UUID> seen = new ArrayList<>();
            v.vectors().forEachDense("ball", (id, vector) -> seen.add(id));
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void writingAVectorOfTheWrongKindIsATypeMismatch() {
        assertRejected(() -> people.write(tx -> tx.setVector(alice, "terms", new float[]{1})),
                ErrorCode.TYPE_MISMATCH, "terms");
        assertRejected(() -> people.write(tx -> tx.setSparseVector(alice, "raw", new int[]{0}, new float[]{1})),
                ErrorCode.TYPE_MISMATCH, "raw");
        assertRejected(() -> people.write(tx -> tx.setMultiVector(alice, "emb", List.<float[]>of(new float[]{1, 2, 3}))),
                ErrorCode.TYPE_MISMATCH, "emb");
    }

    @Test
    void readingAVectorOfTheWrongKindIsATypeMismatch() {
        try (ReadView v = view()) {
            assertRejected(() -> v.vectors().dense(alice, "terms"), ErrorCode.TYPE_MISMATCH, "terms");
            assertRejected(() -> v.vectors().sparse(alice, "passages"), ErrorCode.TYPE_MISMATCH, "passages");
            assertRejected(() -> v.vectors().multi(alice, "raw"), ErrorCode.TYPE_MISMATCH, "raw");
            assertRejected(() -> v.vectors().forEachDense("terms", (id, x) -> { }), ErrorCode.TYPE_MISMATCH, "terms");
        }
    }

    @Test
    void invalidVectorsAreRejectedWithTheFieldNamed() {
        assertRejected(() -> people.write(tx -> tx.setVector(alice, "raw", new float[]{1, 2, 3})),
                ErrorCode.DIMENSION_MISMATCH, "raw");
        assertRejected(() -> people.write(tx -> tx.setVector(alice, "raw", new float[]{1, 2, Float.NaN, 4})),
                ErrorCode.NON_FINITE_VALUE, "raw[2]");
        assertRejected(() -> people.write(tx -> tx.setVector(alice, "emb", new float[3])),
                ErrorCode.INVALID_ARGUMENT, "emb");
        assertRejected(() -> people.write(tx -> tx.setVector(alice, "ball", new float[]{1, 0})),
                ErrorCode.INVALID_ARGUMENT, "ball");
        assertRejected(() -> people.write(tx -> tx.setVector(alice, "hyper", new float[]{2, 0, 0})),
                ErrorCode.INVALID_ARGUMENT, "hyper");
        assertRejected(() -> people.write(tx -> tx.setSparseVector(alice, "terms", new int[]{4, 2}, new float[]{1, 1})),
                ErrorCode.INVALID_ARGUMENT, "terms[1]");
        assertRejected(() -> people.write(tx -> tx.setMultiVector(alice, "passages", List.of())),
                ErrorCode.INVALID_ARGUMENT, "passages");
        assertRejected(() -> people.write(tx -> tx.setVector(alice, "nope", new float[]{1})),
                ErrorCode.UNKNOWN_FIELD, "nope");

        try (ReadView v = view()) {
            assertThat(v.vectors().dense(alice, "raw")).isEmpty();
            assertThat(v.entities().get(alice).orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void aVectorNeedsItsEntity() {
        UUID ghost = people.ids().forKey("ghost");

        assertThatThrownBy(() -> people.write(tx -> tx.setVector(ghost, "raw", new float[]{1, 2, 3, 4})))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_NOT_FOUND));
        assertThatThrownBy(() -> people.write(tx -> tx.removeVector(ghost, "raw")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENTITY_NOT_FOUND));
    }

    @Test
    void vectorsSurviveAReopen() {
        people.write(tx -> {
            tx.setVector(alice, "raw", new float[]{1, 2, 3, 4});
            tx.setSparseVector(alice, "terms", new int[]{3}, new float[]{9});
            tx.setMultiVector(alice, "passages", List.<float[]>of(new float[]{5, 6}));
        });

        db.close();
        db = TestCollections.open(dir);
        people = db.collection("people");

        try (ReadView v = view()) {
            assertThat(v.vectors().dense(alice, "raw").orElseThrow()).containsExactly(1, 2, 3, 4);
            assertThat(v.vectors().sparse(alice, "terms")).contains(new SparseVector(new int[]{3}, new float[]{9}));
            assertThat(v.vectors().multi(alice, "passages").orElseThrow()).singleElement()
                    .satisfies(p -> assertThat(p).containsExactly(5, 6));
        }
    }

    private static void assertRejected(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ManifoldException.class, e -> {
            assertThat(e).isInstanceOf(SchemaViolationException.class);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).contains(field);
        });
    }
}
