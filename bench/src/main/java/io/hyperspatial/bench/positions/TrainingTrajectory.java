package io.hyperspatial.bench.positions;

import io.hyperspatial.core.positioning.EpochSnapshots;
import io.hyperspatial.core.positioning.Hierarchy;
import io.hyperspatial.core.positioning.LorentzEmbedding;
import io.hyperspatial.core.positioning.ReconstructionEvaluation;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a training run's trajectory: at each snapshot, the epoch, the process CPU seconds spent
 * so far <em>excluding</em> these evaluations (the machine is shared, so CPU time rather than wall
 * time measures the training's own cost), and a sampled reconstruction evaluation (the same seeded
 * node sample every time, so the rows compare). Keeps the rows for the JSON report. Not thread-safe;
 * the embedder calls it between epochs on one thread.
 */
final class TrainingTrajectory implements EpochSnapshots {
    /** One row of the trajectory. */
    record Point(int epoch, double cpuSeconds, double meanRank, double map) {
    }

    private final Hierarchy hierarchy;
    private final int threads;
    private final int sample;
    private final long seed;
    private final PrintStream out;
    private final long startCpu = cpuNanos();
    private long evalCpu;
    private final List<Point> points = new ArrayList<>();

    TrainingTrajectory(Hierarchy hierarchy, int threads, int sample, long seed, PrintStream out) {
        this.hierarchy = hierarchy;
        this.threads = threads;
        this.sample = sample;
        this.seed = seed;
        this.out = out;
    }

    @Override
    public void onSnapshot(int epoch, LorentzEmbedding positions) {
        long before = cpuNanos();
        ReconstructionEvaluation r = ReconstructionEvaluation.evaluateSample(hierarchy, positions, threads, sample,
                seed);
        Point p = new Point(epoch, trainingCpuSeconds(before), r.meanRank(), r.map());
        evalCpu += cpuNanos() - before;
        points.add(p);
        out.printf("trajectory: epoch %d cpu %.1f s sampled(%d nodes) mean rank %.2f MAP %.4f%n", epoch,
                p.cpuSeconds(), r.nodes(), p.meanRank(), p.map());
    }

    /** CPU seconds of the process since this trajectory began, minus those its evaluations took. */
    double trainingCpuSeconds() {
        return trainingCpuSeconds(cpuNanos());
    }

    private double trainingCpuSeconds(long now) {
        return (now - startCpu - evalCpu) / 1e9;
    }

    List<Point> points() {
        return List.copyOf(points);
    }

    /** The process's CPU time (all threads, including the JIT and GC), in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
