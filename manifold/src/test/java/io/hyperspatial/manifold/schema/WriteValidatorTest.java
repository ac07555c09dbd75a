package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import io.hyperspatial.manifold.value.Value;
import io.hyperspatial.manifold.value.ValueType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WriteValidatorTest {
    private static final Schema SCHEMA = Schema.EMPTY.edit()
            .entityType("Person", Map.of("age", ValueType.INT64, "score", ValueType.FLOAT64, "name", ValueType.STRING,
                    "tags", ValueType.LIST, "attrs", ValueType.MAP, "born", ValueType.TIMESTAMP))
            .vectorField("emb", VectorKind.DENSE, 3, VectorMetric.COSINE)
            .vectorField("raw", VectorKind.DENSE, 3, VectorMetric.L2)
            .vectorField("ball", VectorKind.DENSE, 2, VectorMetric.POINCARE)
            .vectorField("hyper", VectorKind.DENSE, 3, VectorMetric.LORENTZ)
            .vectorField("terms", VectorKind.SPARSE, 100, VectorMetric.DOT)
            .vectorField("passages", VectorKind.MULTI, 2, VectorMetric.L2)
            .build();
    private static final EntityType PERSON = SCHEMA.entityType("Person");

    private static Value property(String name, Value value) {
        return WriteValidator.property(PERSON, SCHEMA.property(PERSON, name), value);
    }

    // ---- properties -----------------------------------------------------------------------

    @Test
    void acceptsValuesOfTheDeclaredType() {
        assertThat(property("age", Value.of(42))).isEqualTo(Value.of(42));
        assertThat(property("name", Value.of("Ada"))).isEqualTo(Value.of("Ada"));
        assertThat(property("score", Value.of(-0.5))).isEqualTo(Value.of(-0.5));
        assertThat(property("tags", Value.list(List.of(Value.of("a"), Value.of(1.5))))).isNotNull();
        Instant born = Instant.parse("1815-12-10T00:00:00Z");
        assertThat(property("born", Value.of(born))).isEqualTo(Value.of(born));
    }

    @Test
    void nullIsAcceptedForAnyProperty() {
        assertThat(property("age", Value.NULL)).isSameAs(Value.NULL);
        assertThat(property("attrs", Value.NULL)).isSameAs(Value.NULL);
    }

    @Test
    void int64WidensToFloat64() {
        assertThat(property("score", Value.of(3))).isEqualTo(Value.of(3.0));
        assertThat(property("score", Value.of(Long.MAX_VALUE))).isEqualTo(Value.of((double) Long.MAX_VALUE));
    }

    @Test
    void float64DoesNotNarrowToInt64() {
        assertViolation(() -> property("age", Value.of(3.0)), ErrorCode.TYPE_MISMATCH, "Person.age");
    }

    @Test
    void aValueOfAnotherTypeIsATypeMismatchNamingTheProperty() {
        assertViolation(() -> property("age", Value.of("forty")), ErrorCode.TYPE_MISMATCH, "Person.age");
        assertViolation(() -> property("name", Value.of(7)), ErrorCode.TYPE_MISMATCH, "Person.name");
        assertViolation(() -> property("tags", Value.map(Map.of())), ErrorCode.TYPE_MISMATCH, "Person.tags");
        assertViolation(() -> property("born", Value.of(0)), ErrorCode.TYPE_MISMATCH, "Person.born");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonFiniteFloatsAreRejected(double d) {
        assertViolation(() -> property("score", Value.of(d)), ErrorCode.NON_FINITE_VALUE, "Person.score");
    }

    @Test
    void nonFiniteFloatsInsideListsNameTheirIndex() {
        Value tags = Value.list(List.of(Value.of(1.0), Value.of("x"), Value.of(Double.NaN)));

        assertViolation(() -> property("tags", tags), ErrorCode.NON_FINITE_VALUE, "Person.tags[2]");
    }

    @Test
    void nonFiniteFloatsInsideMapsNameTheirPath() {
        Value attrs = Value.map(Map.of("ok", Value.of(1.0),
                "nested", Value.map(Map.of("deep", Value.of(Double.POSITIVE_INFINITY)))));
        Value listInMap = Value.map(Map.of("xs", Value.list(List.of(Value.of(0.0), Value.of(Double.NEGATIVE_INFINITY)))));

        assertViolation(() -> property("attrs", attrs), ErrorCode.NON_FINITE_VALUE, "Person.attrs.nested.deep");
        assertViolation(() -> property("attrs", listInMap), ErrorCode.NON_FINITE_VALUE, "Person.attrs.xs[1]");
    }

    @Test
    void timestampsOutsideTheStorableRangeAreRejectedNamingTheField() {
        assertViolation(() -> property("born", Value.of(Instant.MAX)), ErrorCode.INVALID_ARGUMENT, "Person.born");
        assertViolation(() -> property("tags", Value.list(List.of(Value.of(Instant.MIN)))),
                ErrorCode.INVALID_ARGUMENT, "Person.tags[0]");
    }

    // ---- dense vectors and metrics ----------------------------------------------------------

    @Test
    void aDenseVectorOfTheWrongDimensionIsADimensionMismatch() {
        assertViolation(() -> WriteValidator.dense(SCHEMA.vectorField("emb"), new float[]{1, 2}),
                ErrorCode.DIMENSION_MISMATCH, "emb");
        assertViolation(() -> WriteValidator.dense(SCHEMA.vectorField("emb"), new float[]{1, 2, 3, 4}),
                ErrorCode.DIMENSION_MISMATCH, "emb");
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void aNonFiniteComponentNamesItsIndex(float bad) {
        assertViolation(() -> WriteValidator.dense(SCHEMA.vectorField("raw"), new float[]{1, 2, bad}),
                ErrorCode.NON_FINITE_VALUE, "raw[2]");
        assertViolation(() -> WriteValidator.dense(SCHEMA.vectorField("emb"), new float[]{bad, 0, 0}),
                ErrorCode.NON_FINITE_VALUE, "emb[0]");
    }

    @Test
    void aZeroVectorIsInvalidForCosineButNotForL2() {
        assertViolation(() -> WriteValidator.dense(SCHEMA.vectorField("emb"), new float[3]),
                ErrorCode.INVALID_ARGUMENT, "emb");
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(SCHEMA.vectorField("raw"), new float[3]));
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(SCHEMA.vectorField("emb"), new float[]{0, 0, 1e-20f}));
    }

    @Test
    void aPoincarePointMustLieStrictlyInsideTheUnitBall() {
        VectorField ball = SCHEMA.vectorField("ball");

        assertThatNoException().isThrownBy(() -> WriteValidator.dense(ball, new float[]{0, 0}));
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(ball, new float[]{0.99f, 0}));
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(ball, new float[]{-0.7f, 0.7f}));
        assertViolation(() -> WriteValidator.dense(ball, new float[]{1, 0}), ErrorCode.INVALID_ARGUMENT, "ball");
        assertViolation(() -> WriteValidator.dense(ball, new float[]{0, -1}), ErrorCode.INVALID_ARGUMENT, "ball");
        assertViolation(() -> WriteValidator.dense(ball, new float[]{0.6f, 0.8f}), ErrorCode.INVALID_ARGUMENT, "ball");
        assertViolation(() -> WriteValidator.dense(ball, new float[]{1.5f, 0}), ErrorCode.INVALID_ARGUMENT, "ball");
    }

    @Test
    void pointsOnTheUpperSheetOfTheHyperboloidAreAccepted() {
        VectorField hyper = SCHEMA.vectorField("hyper");

        assertThatNoException().isThrownBy(() -> WriteValidator.dense(hyper, new float[]{1, 0, 0}));
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(hyper, lorentz(0.3, 0.4)));
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(hyper, lorentz(-20, 35)));
    }

    @Test
    void pointsOffTheHyperboloidAreRejected() {
        VectorField hyper = SCHEMA.vectorField("hyper");

        assertViolation(() -> WriteValidator.dense(hyper, new float[]{2, 0, 0}), ErrorCode.INVALID_ARGUMENT, "hyper");
        assertViolation(() -> WriteValidator.dense(hyper, new float[]{1, 0.5f, 0}), ErrorCode.INVALID_ARGUMENT, "hyper");
        assertViolation(() -> WriteValidator.dense(hyper, new float[]{-1, 0, 0}), ErrorCode.INVALID_ARGUMENT, "hyper");
        float[] lower = lorentz(0.3, 0.4);
        lower[0] = -lower[0];
        assertViolation(() -> WriteValidator.dense(hyper, lower), ErrorCode.INVALID_ARGUMENT, "hyper");
        assertViolation(() -> WriteValidator.dense(hyper, new float[]{0, 0, 0}), ErrorCode.INVALID_ARGUMENT, "hyper");
    }

    /** The point of the hyperboloid above the spatial coordinates (x1, x2): x0 = sqrt(1 + x1² + x2²). */
    private static float[] lorentz(double x1, double x2) {
        return new float[]{(float) Math.sqrt(1 + x1 * x1 + x2 * x2), (float) x1, (float) x2};
    }

    // ---- sparse and multi vectors ---------------------------------------------------------

    @Test
    void aValidSparseVectorIsAccepted() {
        assertThatNoException().isThrownBy(() -> WriteValidator.sparse(SCHEMA.vectorField("terms"),
                new int[]{0, 7, 99}, new float[]{1, -2, 0.5f}));
    }

    @Test
    void sparseIndicesMustStrictlyIncrease() {
        VectorField terms = SCHEMA.vectorField("terms");

        assertViolation(() -> WriteValidator.sparse(terms, new int[]{1, 5, 5}, new float[]{1, 1, 1}),
                ErrorCode.INVALID_ARGUMENT, "terms[2]");
        assertViolation(() -> WriteValidator.sparse(terms, new int[]{9, 3}, new float[]{1, 1}),
                ErrorCode.INVALID_ARGUMENT, "terms[1]");
    }

    @Test
    void sparseIndicesMustLieInsideTheDimension() {
        VectorField terms = SCHEMA.vectorField("terms");

        assertViolation(() -> WriteValidator.sparse(terms, new int[]{3, 100}, new float[]{1, 1}),
                ErrorCode.DIMENSION_MISMATCH, "terms[1]");
        assertViolation(() -> WriteValidator.sparse(terms, new int[]{-1}, new float[]{1}),
                ErrorCode.DIMENSION_MISMATCH, "terms[0]");
    }

    @Test
    void sparseIndicesAndValuesMustPair() {
        assertViolation(() -> WriteValidator.sparse(SCHEMA.vectorField("terms"), new int[]{1, 2}, new float[]{1}),
                ErrorCode.DIMENSION_MISMATCH, "terms");
    }

    @Test
    void sparseValuesMustBeFinite() {
        assertViolation(() -> WriteValidator.sparse(SCHEMA.vectorField("terms"), new int[]{1, 2}, new float[]{1, Float.NaN}),
                ErrorCode.NON_FINITE_VALUE, "terms[1]");
    }

    @Test
    void aMultiVectorMustHoldAtLeastOneVector() {
        assertViolation(() -> WriteValidator.multi(SCHEMA.vectorField("passages"), List.of()),
                ErrorCode.INVALID_ARGUMENT, "passages");
    }

    @Test
    void eachVectorOfAMultiVectorIsCheckedAndNamedByPosition() {
        VectorField passages = SCHEMA.vectorField("passages");

        assertThatNoException().isThrownBy(() -> WriteValidator.multi(passages, List.of(new float[]{1, 2}, new float[]{3, 4})));
        assertViolation(() -> WriteValidator.multi(passages, List.of(new float[]{1, 2}, new float[]{3})),
                ErrorCode.DIMENSION_MISMATCH, "passages[1]");
        assertViolation(() -> WriteValidator.multi(passages, List.of(new float[]{1, 2}, new float[]{Float.NaN, 4})),
                ErrorCode.NON_FINITE_VALUE, "passages[1][0]");
    }

    @Test
    void aVectorOfTheWrongKindIsATypeMismatch() {
        assertViolation(() -> WriteValidator.dense(SCHEMA.vectorField("terms"), new float[]{1}),
                ErrorCode.TYPE_MISMATCH, "terms");
        assertViolation(() -> WriteValidator.sparse(SCHEMA.vectorField("emb"), new int[]{0}, new float[]{1}),
                ErrorCode.TYPE_MISMATCH, "emb");
        assertViolation(() -> WriteValidator.multi(SCHEMA.vectorField("emb"), List.<float[]>of(new float[]{1, 2, 3})),
                ErrorCode.TYPE_MISMATCH, "emb");
    }

    @Test
    void finiteNamesTheFieldItChecks() {
        assertViolation(() -> WriteValidator.finite("weight", Double.NaN), ErrorCode.NON_FINITE_VALUE, "weight");
        assertThatNoException().isThrownBy(() -> WriteValidator.finite("weight", -Double.MAX_VALUE));
    }

    private static void assertViolation(ThrowingCallable call, ErrorCode code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SchemaViolationException.class, e -> {
            assertThat(e.code()).as("code").isEqualTo(code);
            assertThat(e.field()).as("field").contains(field);
        });
    }
}
