package io.hyperspatial.bench.kernels;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KernelTableTest {

    @Test
    void pairsTheImplementationsPerKernelAndDimensionInKernelOrder() {
        KernelTable table = new KernelTable();
        table.add(new KernelTable.Measurement("hamming", 384, "scalar", 4.0));
        table.add(new KernelTable.Measurement("dot", 128, "panama", 8.0));
        table.add(new KernelTable.Measurement("dot", 16, "scalar", 10.0));
        table.add(new KernelTable.Measurement("dot", 128, "scalar", 32.0));
        table.add(new KernelTable.Measurement("hamming", 384, "panama", 5.0));
        table.add(new KernelTable.Measurement("dot", 16, "panama", 5.54));
        table.add(new KernelTable.Measurement("lorentzInner", 384, "panama", 150.4));

        assertThat(table.toMarkdown()).isEqualTo("""
                | kernel | dim | Panama ns/op | Scalar ns/op | Panama/Scalar |
                |---|---:|---:|---:|---:|
                | dot | 16 | 5.5 | 10.0 | 0.55 |
                | dot | 128 | 8.0 | 32.0 | 0.25 |
                | lorentzInner | 384 | 150 | – | – |
                | hamming | 384 | 5.0 | 4.0 | 1.25 |
                """);
    }
}
