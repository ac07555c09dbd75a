package io.hyperspatial.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackupRestoreCommandTest {
    @TempDir Path tmp;
    private String data;
    private String backup;

    @BeforeEach
    void demo() {
        data = tmp.resolve("data").toString();
        backup = tmp.resolve("demo-backup").toString();
        assertThat(Cli.run("demo", "--data", data, "--entities", "300").exitCode()).isZero();
    }

    @Test
    void roundTripsACollectionUnderANewNameAndIntoANewDatabase() {
        Cli b = Cli.run("backup", "--data", data, "--collection", "demo", "--to", backup);
        assertThat(b.exitCode()).as(b.toString()).isZero();
        assertThat(b.out()).startsWith("Backed up collection 'demo' at change 2 to " + backup + " (");

        Cli r = Cli.run("restore", "--data", data, "--collection", "copy", "--from", backup);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("Restored collection 'copy' in " + data + " from " + backup
                + ": 300 entities, last change 2.\n");
        assertThat(describe(data, "copy")).isEqualTo(describe(data, "demo"));

        String fresh = tmp.resolve("elsewhere").toString();
        assertThat(Cli.run("restore", "--data", fresh, "--collection", "demo", "--from", backup).exitCode()).isZero();
        assertThat(describe(fresh, "demo")).isEqualTo(describe(data, "demo"));
    }

    @Test
    void restoreReplacesOnlyWhenAsked() {
        assertThat(Cli.run("backup", "--data", data, "--collection", "demo", "--to", backup).exitCode()).isZero();
        assertThat(Cli.run("demo", "--data", data, "--entities", "50", "--force").exitCode()).isZero();

        Cli refused = Cli.run("restore", "--data", data, "--collection", "demo", "--from", backup);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("error: collection 'demo' already exists in " + data
                + "; pass --replace to replace it [collection.exists]\n");
        assertThat(describe(data, "demo")).containsEntry("entities", 50L);

        Cli replaced = Cli.run("restore", "--data", data, "--collection", "demo", "--from", backup, "--replace");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(describe(data, "demo")).containsEntry("entities", 300L);
    }

    @Test
    void backupNeverOverwritesAndRestoreChecksItsSource() throws Exception {
        Files.createDirectory(Path.of(backup));
        Cli b = Cli.run("backup", "--data", data, "--collection", "demo", "--to", backup);
        assertThat(b.exitCode()).isEqualTo(2);
        assertThat(b.err()).isEqualTo("error: backup target " + backup + " already exists [storage.io]\n");

        Cli notBackup = Cli.run("restore", "--data", data, "--collection", "x", "--from", backup);
        assertThat(notBackup.exitCode()).isEqualTo(2);
        assertThat(notBackup.err()).isEqualTo("error: " + backup + " is not a collection backup (it has no CURRENT file)\n");

        String nowhere = tmp.resolve("nowhere").toString();
        String newData = tmp.resolve("never-created").toString();
        Cli missing = Cli.run("restore", "--data", newData, "--collection", "x", "--from", nowhere);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: " + nowhere + " does not exist\n");
        assertThat(Path.of(newData)).as("a failed restore creates no database").doesNotExist();
    }

    @Test
    void backupAndRestoreNeedTheirOptions() {
        Cli r = Cli.run("backup", "--data", data, "--collection", "demo");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("Missing required option: '--to=PATH'");
    }

    private static Map<String, Object> describe(String data, String collection) {
        Cli r = Cli.run("describe", "--data", data, "--collection", collection, "--format", "json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Object> c = MiniJson.object(MiniJson.object(MiniJson.parse(r.out())).get("collection"));
        c.remove("name");
        MiniJson.object(c.get("stats")).remove("diskBytes");
        return c;
    }
}
