package io.hyperspatial.core.vector;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VectorKernelsProviderTest {

    @Test
    void autoUsesTheVectorApiWhenItsModuleIsPresentAndScalarOtherwise() {
        assertThat(VectorKernelsProvider.choose("auto", true)).isInstanceOf(PanamaKernels.class);
        assertThat(VectorKernelsProvider.choose("auto", false)).isInstanceOf(ScalarKernels.class);
    }

    @Test
    void scalarIsForcedEvenWhenTheModuleIsPresent() {
        assertThat(VectorKernelsProvider.choose("scalar", true).name()).isEqualTo("scalar");
        assertThat(VectorKernelsProvider.choose(" SCALAR ", false).name()).isEqualTo("scalar");
    }

    @Test
    void panamaIsForcedAndFailsClearlyWithoutTheModule() {
        assertThat(VectorKernelsProvider.choose("Panama", true).name()).isEqualTo("panama");
        assertThatThrownBy(() -> VectorKernelsProvider.choose("panama", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hyperspatial.vectorization=panama")
                .hasMessageContaining("--add-modules jdk.incubator.vector");
    }

    @Test
    void anUnknownModeIsRejectedWithTheAllowedValues() {
        assertThatThrownBy(() -> VectorKernelsProvider.choose("avx512", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auto, panama or scalar")
                .hasMessageContaining("'avx512'");
    }

    @Test
    void theSingletonFollowsThePropertyAndThisJvmsModules() {
        String requested = System.getProperty(VectorKernelsProvider.PROPERTY, "auto");
        VectorKernels expected = VectorKernelsProvider.choose(requested, VectorKernelsProvider.vectorModulePresent());
        assertThat(VectorKernels.get().name()).isEqualTo(expected.name());
        // surefire starts the JVM with --add-modules jdk.incubator.vector
        assertThat(VectorKernelsProvider.vectorModulePresent()).isTrue();
    }
}
