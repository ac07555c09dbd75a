package io.hyperspatial.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code hyperspatial bench}: the group of benchmark commands ({@code bench ann}). */
@Command(name = "bench", description = "Benchmarks that anyone can run on their own data.",
        subcommands = AnnBenchCommand.class)
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing benchmark: try 'bench ann --help'");
    }
}
