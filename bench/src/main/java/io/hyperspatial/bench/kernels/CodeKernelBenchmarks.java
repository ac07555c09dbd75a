package io.hyperspatial.bench.kernels;

import io.hyperspatial.core.vector.VectorKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The kernels over quantized codes: the int8 dot product of {@code dim} signed bytes, and the
 * Hamming distance of {@code dim}-bit binary codes ({@code dim}/64 longs), Vector API against
 * the scalar twin, at 384 and 1024 dimensions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CodeKernelBenchmarks {

    @Param({"panama", "scalar"})
    public String kernels;

    @Param({"384", "1024"})
    public int dim;

    private VectorKernels k;
    private byte[] a8;
    private byte[] b8;
    private long[] a1;
    private long[] b1;
    private int words;

    @Setup
    public void setUp() {
        k = Kernels.named(kernels);
        SplittableRandom random = new SplittableRandom(42);
        a8 = new byte[dim];
        b8 = new byte[dim];
        for (int i = 0; i < dim; i++) {
            a8[i] = (byte) (random.nextInt(255) - 127);
            b8[i] = (byte) (random.nextInt(255) - 127);
        }
        words = dim / Long.SIZE;
        a1 = random.longs(words).toArray();
        b1 = random.longs(words).toArray();
    }

    @Benchmark
    public int dotInt8() {
        return k.dotInt8(a8, 0, b8, 0, dim);
    }

    @Benchmark
    public int hamming() {
        return k.hamming(a1, 0, b1, 0, words);
    }
}
