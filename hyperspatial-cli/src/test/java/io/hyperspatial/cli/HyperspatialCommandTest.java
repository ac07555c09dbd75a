package io.hyperspatial.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class HyperspatialCommandTest {
    @Test
    void helpListsTheCommands() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: hyperspatial ")
                .containsPattern("\n  demo +Create a collection of seeded demo data and describe it.\n")
                .containsPattern("\n  describe +List collections")
                .containsPattern("\n  backup +Write a consistent copy")
                .containsPattern("\n  restore +Restore a collection")
                .containsPattern("\n  compact +Compact a collection");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"demo", "describe", "backup", "restore", "compact"}) {
            Cli r = Cli.run(command, "--help");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).startsWith("Usage: hyperspatial " + command + " ").contains("--data=DIR")
                    .contains("Exit codes: 0 success, 2 usage or database error, 1 unexpected failure.");
        }
    }

    @Test
    void versionNamesTheBuild() {
        Cli r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("^hyperspatial \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava 25").contains("RocksDB 10.");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        Cli none = Cli.run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("Missing command: try 'hyperspatial demo'\nUsage: hyperspatial");
        Cli unknown = Cli.run("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void anUnexpectedFailureExitsOneWithAHint() {
        CommandLine cl = HyperspatialCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed = cl.parseArgs("describe");
        int code = new ExecutionErrorHandler().handleExecutionException(new IllegalStateException("boom"), cl, parsed);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(
                "error: unexpected java.lang.IllegalStateException: boom (run with --verbose for the stack trace)\n");
    }
}
