package io.hyperspatial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir Path tmp;

    @Test
    void createsTheCollectionDescribesItAndSuggestsNextSteps() {
        Path data = tmp.resolve("data");
        Cli r = Cli.run("demo", "--data", data.toString(), "--entities", "300");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("Created collection 'demo' in " + java.util.regex.Pattern.quote(data.toString())
                        + " \\([0-9.]+ s\\): 15 categories, 285 items, [0-9,]+ edges, 1,080 measure points \\(seed 42\\)\\.\n")
                .contains("Collection 'demo' in " + data)
                .containsPattern("Category +15 +name string, depth int64")
                .containsPattern("Item +285 +name string, price float64, stock int64, added timestamp, tags list")
                .containsPattern("embedding +dense +32 +cosine")
                .containsPattern("views +30 days")
                .contains("Try next:")
                .contains("hyperspatial backup --data " + data + " --collection demo --to " + tmp.resolve("demo-backup"))
                .contains("hyperspatial restore --data " + data + " --collection demo-restored --from " + tmp.resolve("demo-backup"));
        assertThat(r.err()).as("plain progress lines when stderr is not a terminal")
                .contains("writing demo: 300/300 entities (100%)\n").doesNotContain("\r");
    }

    @Test
    void refusesToOverwriteWithoutForceAndReplacesWithIt() {
        String data = tmp.resolve("data").toString();
        assertThat(Cli.run("demo", "--data", data, "--entities", "100").exitCode()).isZero();

        Cli again = Cli.run("demo", "--data", data, "--entities", "200");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).isEqualTo("error: collection 'demo' already exists in " + data
                + "; pass --force to replace it [collection.exists]\n");
        assertThat(Cli.run("describe", "--data", data, "-c", "demo").out()).containsPattern("entities +100\n");

        Cli forced = Cli.run("demo", "--data", data, "--entities", "200", "--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(Cli.run("describe", "--data", data, "-c", "demo").out()).containsPattern("entities +200\n");
    }

    @Test
    void sameSeedSameDataOtherCollectionName() {
        String data = tmp.resolve("data").toString();
        Cli r = Cli.run("demo", "--data", data, "--entities", "50", "--seed", "9", "--collection", "shop");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Created collection 'shop'").contains("(seed 9)");
        assertThat(Cli.run("describe", "--data", data).out()).contains("shop").doesNotContain("demo ");
    }

    @Test
    void rejectsAnEntityCountOutOfRangeAsAUsageError() {
        Cli r = Cli.run("demo", "--data", tmp.resolve("data").toString(), "--entities", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("--entities must be between 2 and 5000000, got 1").contains("Usage: hyperspatial demo");
    }

    @Test
    void anInvalidCollectionNameIsADatabaseErrorWithItsCode() {
        Cli r = Cli.run("demo", "--data", tmp.resolve("data").toString(), "--entities", "10", "--collection", "no spaces");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: invalid collection name 'no spaces': use 1-64 letters, digits, _ or -,"
                + " not starting with - [invalid_argument]\n");
    }

    @Test
    void suggestsCommandsWithPathsQuotedForTheShell() {
        Path data = tmp.resolve("my data");
        Cli r = Cli.run("demo", "--data", data.toString(), "--entities", "10");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("hyperspatial describe --data '" + data + "' --collection demo --format json\n")
                .contains("hyperspatial backup --data '" + data + "' --collection demo --to " + tmp.resolve("demo-backup") + "\n");
    }

    @Test
    void quotesPathsForTheShellOnlyWhenNeeded() {
        assertThat(Launcher.shell("/tmp/hs-demo")).isEqualTo("/tmp/hs-demo");
        assertThat(Launcher.shell("/tmp/my data")).isEqualTo("'/tmp/my data'");
        assertThat(Launcher.shell("it's")).isEqualTo("'it'\\''s'");
    }
}
