package io.hyperspatial.cli;

import io.hyperspatial.hyperql.slt.SltFileResult;
import io.hyperspatial.hyperql.slt.SltRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hyperspatial slt FILE...}: runs sqllogictest files against HyperQL (each file on a fresh
 * in-memory database) and prints a line per file and the totals. Exit 0 when every record passed,
 * 1 when any failed.
 */
@Command(name = "slt", description = {"Run sqllogictest files against HyperQL, each on a fresh in-memory database.",
        "Prints 'FILE: N passed, N failed, N skipped' per file, then the totals; exit 1 if any record failed."},
        footer = {"", "Exit codes: 0 every record passed, 1 some record failed, 2 a file could not be read."})
final class SltCommand implements Callable<Integer> {
    static final int SOME_FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The sqllogictest files.")
    private List<Path> files;

    @Option(names = "--show-failures", paramLabel = "N", defaultValue = "5",
            description = "Print the first N failing records of each file with expected and actual results (default ${DEFAULT-VALUE}).")
    private int showFailures;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int passed = 0;
        int failed = 0;
        int skipped = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure("no such file: " + file);
            }
            SltFileResult result;
            try {
                result = SltRunner.run(file, file.toString());
            } catch (IOException e) {
                throw new CommandFailure("cannot read " + file + ": " + e.getMessage());
            }
            out.println(result.summary());
            result.failures().stream().limit(Math.max(0, showFailures))
                    .forEach(f -> out.println("  " + f.toString().replace("\n", "\n  ")));
            passed += result.passed();
            failed += result.failed();
            skipped += result.skipped();
        }
        out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
        out.flush();
        return failed == 0 ? 0 : SOME_FAILED;
    }
}
