package io.hyperspatial.core.geometry;

import org.junit.jupiter.api.Test;

import static io.hyperspatial.core.geometry.HyperbolicFunctions.acosh;
import static io.hyperspatial.core.geometry.HyperbolicFunctions.acosh1p;
import static io.hyperspatial.core.geometry.HyperbolicFunctions.asinh;
import static io.hyperspatial.core.geometry.HyperbolicFunctions.atanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HyperbolicFunctionsTest {

    @Test
    void invertTheHyperbolicFunctionsOverTheirRange() {
        for (double x : new double[] {1e-300, 1e-9, 0.3, 1, 2.5, 19, 300, 700}) {
            assertThat(asinh(Math.sinh(x))).isCloseTo(x, within(4 * Math.ulp(x)));
            assertThat(asinh(-Math.sinh(x))).isCloseTo(-x, within(4 * Math.ulp(x)));
            if (x < 3) {
                // tanh(x) is within e^(−2x) of 1, so its rounding costs atanh about 1e-16·e^(2x)
                assertThat(atanh(Math.tanh(x))).isCloseTo(x, within(Math.max(4 * Math.ulp(x), 1e-16 * Math.exp(2 * x))));
            }
            if (x > 1e-5) {
                assertThat(acosh(Math.cosh(x))).isCloseTo(x, within(Math.max(4 * Math.ulp(x), 1e-16 / x)));
            }
        }
    }

    @Test
    void keepPrecisionNearZeroAndDoNotOverflowForHugeArguments() {
        // acosh(1 + t) ≈ √(2t) for tiny t, where 1 + t itself rounds to 1
        assertThat(acosh1p(1e-20)).isCloseTo(Math.sqrt(2e-20), within(1e-25));
        assertThat(acosh(1 + 1e-20)).isZero();
        assertThat(asinh(1e-20)).isEqualTo(1e-20);
        assertThat(atanh(1e-20)).isEqualTo(1e-20);
        assertThat(asinh(1e300)).isCloseTo(Math.log(2e300 / 1e300) + Math.log(1e300), within(1e-12));
        assertThat(acosh(Double.MAX_VALUE)).isCloseTo(Math.log(Double.MAX_VALUE) + Math.log(2), within(1e-12));
        assertThat(acosh1p(1e300)).isCloseTo(Math.log(2e300), within(1e-12));
    }

    @Test
    void areNaNOutsideTheirDomain() {
        assertThat(acosh(0.5)).isNaN();
        assertThat(acosh1p(-0.5)).isNaN();
        assertThat(atanh(1.5)).isNaN();
        assertThat(atanh(1)).isInfinite();
        assertThat(atanh(-1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(asinh(Double.NaN)).isNaN();
    }
}
