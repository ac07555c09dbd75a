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
 * The float kernels (dot, squared L2 distance, Minkowski inner product) at the dimensions the
 * index targets: 16 (hyperbolic embeddings), 128 and 384 (text embeddings), Vector API against
 * the scalar twin. One pair of vectors, at odd offsets in larger arrays as they sit in flat
 * pages, so loads are unaligned as they are in the index. The short warm-up and measurement
 * defaults keep a full run to a few minutes; the command line overrides them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FloatKernelBenchmarks {

    @Param({"panama", "scalar"})
    public String kernels;

    @Param({"16", "128", "384"})
    public int dim;

    private VectorKernels k;
    private float[] a;
    private float[] b;
    private int ao;
    private int bo;

    @Setup
    public void setUp() {
        k = Kernels.named(kernels);
        SplittableRandom random = new SplittableRandom(42);
        ao = 3;
        bo = 5;
        a = new float[dim + 2 * ao];
        b = new float[dim + 2 * bo];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
    }

    @Benchmark
    public float dot() {
        return k.dot(a, ao, b, bo, dim);
    }

    @Benchmark
    public float squareDistance() {
        return k.squareDistance(a, ao, b, bo, dim);
    }

    @Benchmark
    public float lorentzInner() {
        return k.lorentzInner(a, ao, b, bo, dim);
    }
}
