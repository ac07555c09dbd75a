package io.hyperspatial.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The position commands on the demo collection: its categories form a hierarchy, its items carry embeddings. */
class PositionCommandTest {
    @TempDir Path tmp;
    private String data;

    @BeforeEach
    void demo() {
        data = tmp.resolve("data").toString();
        assertThat(Cli.run("demo", "--data", data, "--entities", "400").exitCode()).isZero();
    }

    private Cli ok(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    @Test
    void allThreeKindsAreComputedAndMixedInASimilaritySearch() {
        ok("position", "--data", data, "-c", "demo", "--edge-type", "subcategory_of", "--edge-type", "in_category",
                "--dims", "4", "--epochs", "5");
        assertThat(ok("position", "--data", data, "-c", "demo", "--kind", "embedding", "--field", "embedding",
                "--dims", "4").out()).contains("embedding positions of 385 entities in 'demo' from field 'embedding'");
        assertThat(ok("position", "--data", data, "-c", "demo", "--kind", "property", "--dims", "4").out())
                .contains("property positions of 400 entities");

        Cli similar = ok("position", "similar", "--data", data, "-c", "demo", "--key", "item:7", "--weights", "1,2,1", "-k", "5");
        assertThat(similar.out().lines().filter(l -> l.matches("\\s*\\d+\\s+item:.*")).count()).isEqualTo(5);
        assertThat(similar.out()).doesNotContain(" item:7 ");
    }

    @Test
    void aTrajectoryGrowsWithEveryRun() {
        ok("position", "--data", data, "-c", "demo", "--kind", "property", "--dims", "4", "--seed", "1");
        ok("position", "--data", data, "-c", "demo", "--kind", "property", "--dims", "4", "--seed", "2");

        Cli t = ok("position", "trajectory", "--data", data, "-c", "demo", "--key", "item:3", "--kind", "property");

        assertThat(t.out()).startsWith("2 positions from ").contains("drift ").contains("VELOCITY/S");
    }

    @Test
    void usageErrorsSayWhatIsMissing() {
        Cli noEdges = Cli.run("position", "--data", data, "-c", "demo");
        assertThat(noEdges.exitCode()).isEqualTo(2);
        assertThat(noEdges.err()).contains("graph positions need --edge-type");
        Cli noField = Cli.run("position", "--data", data, "-c", "demo", "--kind", "embedding");
        assertThat(noField.err()).contains("embedding positions need --field");
        Cli badKind = Cli.run("position", "--data", data, "-c", "demo", "--kind", "colour");
        assertThat(badKind.err()).contains("--kind must be graph, embedding or property");
        Cli noPosition = Cli.run("position", "trajectory", "--data", data, "-c", "demo", "--key", "item:3");
        assertThat(noPosition.exitCode()).isEqualTo(2);
        assertThat(noPosition.err()).contains("entity 'item:3' has no graph position");
    }
}
