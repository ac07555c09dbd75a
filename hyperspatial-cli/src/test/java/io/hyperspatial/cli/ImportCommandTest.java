package io.hyperspatial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    @TempDir Path tmp;

    @Test
    void exportThenImportIntoANewCollectionRestoresIt() throws Exception {
        String data = tmp.resolve("data").toString();
        assertThat(Cli.run("demo", "--data", data, "--entities", "80").exitCode()).isZero();
        Path file = tmp.resolve("demo.jsonl");
        assertThat(Cli.run("export", "--data", data, "--collection", "demo", "--out", file.toString()).exitCode()).isZero();

        Cli imported = Cli.run("import", "--data", data, "--collection", "copy", "--create", file.toString());

        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("imported 80 entities into 'copy' (80 rows, 1 batches, 0 skipped)")
                .containsPattern("compacted 'copy' in \\d+\\.\\d s");
        assertThat(imported.err()).contains("importing: ");
        Cli again = Cli.run("export", "--data", data, "--collection", "copy");
        assertThat(again.out().lines().count()).isEqualTo(81);
        assertThat(again.out().lines().findFirst()).isEqualTo(Files.readAllLines(file).stream().findFirst());
    }

    @Test
    void csvWithMappingFlagsListsSkippedRowsAndExportsAsCsv() throws Exception {
        String data = tmp.resolve("data").toString();
        Path csv = tmp.resolve("people.csv");
        Files.writeString(csv, """
                id,name,age,friends
                ann,Ann,31,bob;cid
                bob,Bob,old,ann
                cid,Cid,40,
                """);

        Cli run = Cli.run("import", "--data", data, "--collection", "people", "--create", "--format", "csv",
                "--key", "id", "--type", "Person", "--property", "name:string", "--property", "age:int64",
                "--edge", "friends:knows", "--on-error", "skip", csv.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("imported 2 entities into 'people' (3 rows, 1 batches, 1 skipped)");
        Cli again = Cli.run("import", "--data", data, "--collection", "people", "--format", "csv", "--key", "id",
                "--type", "Person", "--property", "name:string", "--on-error", "skip", "--no-compact", csv.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("imported 3 entities").doesNotContain("compacted");
        assertThat(run.err()).contains("skipped line 3, field age: property age (int64): expected an integer, got 'old' [invalid_argument]");
        Cli export = Cli.run("export", "--data", data, "--collection", "people", "--format", "csv");
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out().lines().findFirst().orElseThrow()).startsWith("key,id,type,age,name,vectors,edges");
        assertThat(export.out()).contains("ann,").contains(",Person,31,Ann,,");
    }

    @Test
    void aFailedImportSaysWhichLineAndAppliesNothingOfItsBatch() throws Exception {
        String data = tmp.resolve("data").toString();
        Path jsonl = tmp.resolve("rows.jsonl");
        Files.writeString(jsonl, "{\"k\": \"a\", \"v\": [1, 0]}\n{\"k\": \"b\", \"v\": [0, 0]}\n");
        Path mapping = tmp.resolve("mapping.json");
        Files.writeString(mapping, "{\"key\": \"k\", \"type\": \"Point\", \"vectors\": {\"v\": {\"dimension\": 2, \"metric\": \"cosine\"}}}");

        Cli run = Cli.run("import", "--data", data, "--collection", "points", "--create", "--mapping", mapping.toString(),
                jsonl.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: line 2, field vectors.v: vector 'v' is zero; cosine distance is undefined for it")
                .contains("nothing was imported [invalid_argument]");
        Cli describe = Cli.run("export", "--data", data, "--collection", "points");
        assertThat(describe.out().lines().count()).as("only the header: no entity").isEqualTo(1);

        Cli bad = Cli.run("import", "--data", data, "--collection", "points", "--key", "k", "--type", "Point",
                "--property", "x:wat", jsonl.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("error: bad mapping: property x: 'wat' is not a property type");
    }
}
