package io.hyperspatial.manifold.schema;

import io.hyperspatial.manifold.error.ConflictException;
import io.hyperspatial.manifold.error.ErrorCode;
import io.hyperspatial.manifold.error.SchemaViolationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Hyperbolic vector fields carry their curvature: it is stored, checked on redeclaration and used to validate points. */
class CurvatureTest {

    @Test
    void aPoincareFieldOfCurvatureFourAcceptsOnlyTheBallOfRadiusOneHalf() {
        VectorField f = new VectorField("p", 1, VectorKind.DENSE, 2, VectorMetric.POINCARE, 4.0);
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(f, new float[]{0.49f, 0f}));
        assertThatThrownBy(() -> WriteValidator.dense(f, new float[]{0.6f, 0f}))
                .isInstanceOfSatisfying(SchemaViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("ball of radius 0.5");
                });
    }

    @Test
    void aLorentzFieldValidatesAgainstItsOwnHyperboloid() {
        double c = 0.25;
        VectorField f = new VectorField("l", 1, VectorKind.DENSE, 3, VectorMetric.LORENTZ, c);
        float x1 = 3, x2 = -1;
        float onIt = (float) Math.sqrt(1 / c + x1 * x1 + x2 * x2);
        assertThatNoException().isThrownBy(() -> WriteValidator.dense(f, new float[]{onIt, x1, x2}));
        float onTheUnitOne = (float) Math.sqrt(1 + x1 * x1 + x2 * x2);
        assertThatThrownBy(() -> WriteValidator.dense(f, new float[]{onTheUnitOne, x1, x2}))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("= -4.0");
    }

    @Test
    void curvatureIsStoredOnlyWhenNotOneAndRoundTrips() {
        Schema s = Schema.EMPTY.edit()
                .vectorField("ball", VectorKind.DENSE, 8, VectorMetric.POINCARE, 2.5)
                .vectorField("flat", VectorKind.DENSE, 8, VectorMetric.L2)
                .build();
        Schema back = SchemaCodec.decode(SchemaCodec.encode(s));
        assertThat(back).isEqualTo(s);
        assertThat(back.vectorField("ball").curvature()).isEqualTo(2.5);
        assertThat(back.vectorField("flat").curvature()).isEqualTo(1.0);
        Schema withoutHyperbolic = Schema.EMPTY.edit().vectorField("flat", VectorKind.DENSE, 8, VectorMetric.L2).build();
        assertThat(new String(SchemaCodec.encode(withoutHyperbolic), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("curvature");
    }

    @Test
    void redeclaringWithAnotherCurvatureIsAConflictAndNonHyperbolicFieldsHaveCurvatureOne() {
        Schema s = Schema.EMPTY.edit().vectorField("ball", VectorKind.DENSE, 8, VectorMetric.POINCARE, 2.0).build();
        assertThat(s.edit().vectorField("ball", VectorKind.DENSE, 8, VectorMetric.POINCARE, 2.0).build()).isSameAs(s);
        assertThatThrownBy(() -> s.edit().vectorField("ball", VectorKind.DENSE, 8, VectorMetric.POINCARE))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_CONFLICT);
                    assertThat(e.getMessage()).contains("curvature 2.0");
                });
        assertThatThrownBy(() -> s.edit().vectorField("v", VectorKind.DENSE, 8, VectorMetric.COSINE, 2.0))
                .isInstanceOf(SchemaViolationException.class).hasMessageContaining("1 unless the metric is poincare or lorentz");
        assertThatThrownBy(() -> s.edit().vectorField("h", VectorKind.DENSE, 8, VectorMetric.LORENTZ, -1))
                .isInstanceOf(SchemaViolationException.class);
    }
}
