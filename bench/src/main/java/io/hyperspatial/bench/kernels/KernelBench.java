package io.hyperspatial.bench.kernels;

import io.hyperspatial.core.vector.PanamaKernels;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Runs the kernel microbenchmarks ({@link FloatKernelBenchmarks}, {@link CodeKernelBenchmarks})
 * with JMH and ends with a Markdown table of medians and Panama/Scalar ratios, plus the load
 * average before and after so a noisy run can be recognised. Arguments are JMH's own (try
 * {@code -h}); without a benchmark pattern it runs every kernel benchmark.
 */
public final class KernelBench {
    private KernelBench() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException, IOException {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(KernelBench.class.getPackageName() + "\\..*KernelBenchmarks");
        }
        Runner runner = new Runner(options.build());
        if (cli.shouldList()) {
            runner.list();
            return;
        }
        String loadBefore = loadAverage();
        Collection<RunResult> results = runner.run();
        String loadAfter = loadAverage();

        KernelTable table = new KernelTable();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            table.add(new KernelTable.Measurement(
                    benchmark.substring(benchmark.lastIndexOf('.') + 1),
                    Integer.parseInt(result.getParams().getParam("dim")),
                    result.getParams().getParam("kernels"),
                    result.getPrimaryResult().getStatistics().getPercentile(50)));
        }
        System.out.println();
        System.out.println("Vector kernels, median ns/op over the measurement iterations; "
                + Runtime.getRuntime().availableProcessors() + " cpus, " + floatLanes() + " float lanes per vector; "
                + "load average (1/5/15 min) " + loadBefore + " before, " + loadAfter + " after.");
        System.out.println();
        System.out.print(table.toMarkdown());
    }

    private static String floatLanes() {
        try {
            return Integer.toString(PanamaKernels.floatLanes());
        } catch (LinkageError e) {
            return "no Vector API:";
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + "/" + fields[1] + "/" + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
